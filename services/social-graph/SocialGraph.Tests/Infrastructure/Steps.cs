using System.Net;
using System.Net.Http.Json;

namespace Tripmate.SocialGraph.Tests.Infrastructure;

public sealed record PageDto<T>(List<T> Items, string? NextCursor);

public sealed record ConnectionDto(Guid UserId, DateTimeOffset Since);

public sealed record StatsDto(long Followers, long Following, long Friends);

public sealed record SuggestionDto(Guid UserId, long MutualConnections, long SharedGroups);

public sealed record GroupSuggestionDto(Guid GroupId, long Friends);

public sealed record PathDto(List<Guid> UserIds, int Length);

public sealed record MutualFriendDto(Guid UserId);

/// <summary>The API's calls as a test says them.</summary>
public static class Steps
{
    public const string Root = "/api/relationships";

    public static Task<HttpResponseMessage> FollowAsync(this TestUser user, Guid userId) => user.Client.PutAsync($"{Root}/following/{userId}", null);

    public static async Task FollowOkAsync(this TestUser user, params TestUser[] others)
    {
        foreach (var other in others)
        {
            var response = await user.FollowAsync(other.Id);
            Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"follow: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static Task<HttpResponseMessage> UnfollowAsync(this TestUser user, Guid userId) => user.Client.DeleteAsync($"{Root}/following/{userId}");

    public static Task<HttpResponseMessage> BlockAsync(this TestUser user, Guid userId) => user.Client.PutAsync($"{Root}/blocks/{userId}", null);

    public static Task<HttpResponseMessage> UnblockAsync(this TestUser user, Guid userId) => user.Client.DeleteAsync($"{Root}/blocks/{userId}");

    public static async Task<T> GetOkAsync<T>(this TestUser user, string path)
    {
        var response = await user.Client.GetAsync(path.StartsWith('/') ? path : $"{Root}/{path}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public static Task<PageDto<ConnectionDto>> ListAsync(this TestUser user, Guid ofUser, string list, string query = "") =>
        user.GetOkAsync<PageDto<ConnectionDto>>($"{ofUser}/{list}{query}");

    public static async Task<List<Guid>> IdsAsync(this TestUser user, Guid ofUser, string list) =>
        [.. (await user.ListAsync(ofUser, list, "?limit=100")).Items.Select(c => c.UserId)];
}
