using System.Net.Http.Headers;
using System.Net.Http.Json;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Caching;

public sealed record GroupDto(Guid Id, string Name, string? Description, Guid OwnerId, DateTimeOffset CreatedAt, string MyRole);

public sealed record MemberDto(Guid UserId, string DisplayName, string Role, DateTimeOffset JoinedAt);

public sealed record PageDto<T>(List<T> Items, string? NextCursor);

public static class CacheAssertions
{
    /// <summary>The <c>X-Cache</c> header: HIT, MISS, or null when the answer was not marked cacheable.</summary>
    public static string? CacheStatus(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Cache", out var values) ? string.Join(",", values) : null;

    /// <summary>A client that talks to an identity instance directly, bypassing the gateway, as <paramref name="user"/>.</summary>
    public static HttpClient DirectlyAtIdentity(this GatewayStack stack, TestUser user)
    {
        var client = new HttpClient { BaseAddress = stack.Identity[0].BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        return client;
    }

    /// <summary>
    /// Reads until the answer comes from the cache. Needed after a write: its CacheTagsInvalidated
    /// event arrives a moment after its answer (which evicted already) and evicts again.
    /// </summary>
    public static Task WarmAsync(this TestUser user, string path) =>
        Eventually.WaitForAsync(() => user.Client.GetAsync(path), response => response.CacheStatus() == "HIT",
            TimeSpan.FromSeconds(10), $"{path} to be served from the cache");

    public static async Task<GroupDto> CreateGroupAsync(this TestUser owner)
    {
        var response = await owner.Client.PostAsJsonAsync("/api/groups", new { name = $"Trip {Guid.NewGuid():N}", description = "cache tests" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<GroupDto>())!;
    }
}
