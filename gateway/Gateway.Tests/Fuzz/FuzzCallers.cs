using System.Net.Http.Headers;

namespace Tripmate.Gateway.Tests.Fuzz;

/// <summary>
/// Who sends each request: the owner of the fixtures, a stranger to them, nobody, or a forged token.
/// Deletes of the caller's own account or resources run as a throwaway user, so the rest of the
/// walk keeps its fixtures.
/// </summary>
public sealed class FuzzCallers(HttpClient owner, HttpClient stranger, HttpClient anonymous, HttpClient forged, Func<Task<HttpClient>> throwaway)
{
    public async Task<(string Name, HttpClient Client)> PickAsync(ApiDocument.Operation operation, Random random)
    {
        var roll = random.Next(10);
        if (roll == 0)
        {
            return ("anonymous", anonymous);
        }

        if (roll == 1)
        {
            return ("forged token", forged);
        }

        if (operation.Method == "DELETE" || operation.Path.EndsWith("/password", StringComparison.Ordinal))
        {
            return ("throwaway user", await throwaway());
        }

        return roll < 4 ? ("stranger", stranger) : ("owner", owner);
    }

    public static HttpClient WithToken(Uri baseAddress, string token)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(20) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
