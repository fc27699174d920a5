using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Tripmate.Gateway.Tests.Infrastructure;

namespace Tripmate.Gateway.Tests.RateLimiting;

/// <summary>
/// Two gateway instances sharing Redis, with small limits. Users are made directly at identity, so
/// signing them up does not spend the strict limit on sign-in that the tests measure.
/// </summary>
public sealed class RateLimitStack() : GatewayStack(identityInstances: 1)
{
    public const int GeneralLimit = 5;
    public const int StrictLimit = 3;

    public GatewayApp SecondGateway { get; private set; } = null!;

    protected override void ConfigureGateway(IDictionary<string, string?> settings)
    {
        settings["RateLimiting:General:PermitLimit"] = GeneralLimit.ToString();
        settings["RateLimiting:General:Window"] = "00:05:00";
        settings["RateLimiting:Strict:PermitLimit"] = StrictLimit.ToString();
        settings["RateLimiting:Strict:Window"] = "00:05:00";
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SecondGateway = StartGateway();
    }

    /// <summary>A new user signed up at identity itself; the client talks to <paramref name="gateway"/> (the first by default).</summary>
    public async Task<TestUser> NewUserDirectlyAsync(GatewayApp? gateway = null)
    {
        var email = $"u{Guid.NewGuid():N}@example.test";
        const string password = "correct horse battery";
        using var identity = new HttpClient { BaseAddress = Identity[0].BaseAddress };
        var register = await identity.PostAsJsonAsync("/api/auth/register", new { email, password, displayName = "Rate limited" });
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        var account = (await register.Content.ReadFromJsonAsync<Account>())!;
        var login = await identity.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.True(login.IsSuccessStatusCode, $"sign-in at identity: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        var token = (await login.Content.ReadFromJsonAsync<TokenDto>())!;
        var client = (gateway ?? Gateway).Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return new TestUser(account.Id, email, password, token.AccessToken, client);
    }
}
