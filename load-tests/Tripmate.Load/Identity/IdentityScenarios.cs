using System.Net;
using System.Net.Http.Json;

namespace Tripmate.Load.Identity;

/// <summary>Registration (bound by the deliberately slow password hash) and public-profile reads.</summary>
public sealed class IdentityScenarios(HttpClient http, Accounts accounts, int concurrency, TimeSpan warmUp, TimeSpan duration)
{
    public Task<LoadResult> RegisterAsync() =>
        LoadRun.RunAsync("register", concurrency, warmUp, duration, async (worker, iteration) =>
        {
            using var response = await http.PostAsJsonAsync("/api/auth/register", new
            {
                email = accounts.NewEmail($"{worker}-{iteration}"),
                password = Accounts.Password,
                displayName = $"Load {worker} {iteration}",
            });
            return response.StatusCode == HttpStatusCode.Created;
        });

    public async Task<LoadResult> ReadProfileAsync(string name = "profile-read")
    {
        var reader = await accounts.SignInNewAsync("reader");
        var profiles = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            profiles.Add((await accounts.RegisterAsync($"profile{i}")).Id);
        }

        return await LoadRun.RunAsync(name, concurrency, warmUp, duration, async (worker, iteration) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/users/{profiles[(int)(iteration % profiles.Count)]}");
            request.Headers.Authorization = reader.Authorization;
            using var response = await http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK;
        });
    }

    /// <summary>
    /// Each worker reads its own account (<c>/api/users/me</c>): a route no cache may answer, so
    /// every request travels the whole way, which is what a proxy's own cost is measured on.
    /// </summary>
    public async Task<LoadResult> ReadOwnAccountAsync(string name)
    {
        var readers = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => accounts.SignInNewAsync($"me{w}")));
        return await LoadRun.RunAsync(name, concurrency, warmUp, duration, async (worker, _) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/users/me");
            request.Headers.Authorization = readers[worker].Authorization;
            using var response = await http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK;
        });
    }
}
