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
}
