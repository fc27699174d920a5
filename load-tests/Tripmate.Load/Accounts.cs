using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Tripmate.Load;

/// <summary>Registers and signs in the users a scenario needs, through identity (or the gateway).</summary>
public sealed class Accounts(HttpClient identity)
{
    public const string Password = "load test password";

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    public string NewEmail(string label) => $"load-{_run}-{label}-{Guid.NewGuid():N}@example.test";

    public async Task<Account> RegisterAsync(string label)
    {
        using var response = await identity.PostAsJsonAsync("/api/auth/register",
            new { email = NewEmail(label), password = Password, displayName = $"Load {label}" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Account>())!;
    }

    public async Task<SignedInUser> SignInNewAsync(string label)
    {
        var account = await RegisterAsync(label);
        using var login = await identity.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<Token>())!;
        return new SignedInUser(account.Id, new AuthenticationHeaderValue("Bearer", token.AccessToken));
    }

    public sealed record Account(Guid Id, string Email);

    private sealed record Token(string AccessToken);
}

public sealed record SignedInUser(Guid Id, AuthenticationHeaderValue Authorization);
