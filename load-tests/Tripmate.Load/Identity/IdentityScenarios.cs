using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Tripmate.Load.Identity;

/// <summary>Registration (bound by the deliberately slow password hash) and public-profile reads.</summary>
public sealed class IdentityScenarios(HttpClient http, int concurrency, TimeSpan warmUp, TimeSpan duration)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    public Task<LoadResult> RegisterAsync() =>
        LoadRun.RunAsync("register", concurrency, warmUp, duration, async (worker, iteration) =>
        {
            using var response = await http.PostAsJsonAsync("/api/auth/register", new
            {
                email = $"load-{_run}-{worker}-{iteration}-{Guid.NewGuid():N}@example.test",
                password = "load test password",
                displayName = $"Load {worker} {iteration}",
            });
            return response.StatusCode == HttpStatusCode.Created;
        });

    public async Task<LoadResult> ReadProfileAsync()
    {
        var reader = await SignInNewUserAsync("reader");
        var profiles = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            profiles.Add((await RegisterOneAsync($"profile{i}")).Id);
        }

        return await LoadRun.RunAsync("profile-read", concurrency, warmUp, duration, async (worker, iteration) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/users/{profiles[(int)(iteration % profiles.Count)]}");
            request.Headers.Authorization = reader;
            using var response = await http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK;
        });
    }

    private async Task<AuthenticationHeaderValue> SignInNewUserAsync(string label)
    {
        var account = await RegisterOneAsync(label);
        using var login = await http.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = "load test password" });
        login.EnsureSuccessStatusCode();
        var token = await login.Content.ReadFromJsonAsync<Token>();
        return new AuthenticationHeaderValue("Bearer", token!.AccessToken);
    }

    private async Task<Account> RegisterOneAsync(string label)
    {
        var email = $"load-{_run}-{label}@example.test";
        using var response = await http.PostAsJsonAsync("/api/auth/register",
            new { email, password = "load test password", displayName = $"Load {label}" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Account>())!;
    }

    private sealed record Account(Guid Id, string Email);

    private sealed record Token(string AccessToken);
}
