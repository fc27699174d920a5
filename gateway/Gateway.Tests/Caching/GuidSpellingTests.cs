using System.Net;
using System.Net.Http.Json;
using Tripmate.Gateway.Tests.Infrastructure;

namespace Tripmate.Gateway.Tests.Caching;

/// <summary>
/// A GUID may be spelled several ways in a URL (<c>N</c>: 32 digits without dashes; capitals), and
/// identity accepts each: the cached answer must still carry the tag its eviction names.
/// </summary>
public sealed class GuidSpellingTests(CachingStack stack) : IClassFixture<CachingStack>
{
    [Theory]
    [InlineData("N")]
    [InlineData("D-upper")]
    public async Task A_profile_cached_under_another_spelling_of_its_id_is_evicted_by_a_write(string spelling)
    {
        var owner = await stack.NewUserAsync();
        var url = $"/api/users/{(spelling == "N" ? owner.Id.ToString("N") : owner.Id.ToString().ToUpperInvariant())}";
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync(url)).StatusCode);
        Assert.Equal("HIT", (await owner.Client.GetAsync(url)).CacheStatus());

        var patch = await owner.Client.PatchAsJsonAsync("/api/users/me", new { displayName = $"Renamed {spelling}" });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

        var next = await owner.Client.GetAsync(url);
        Assert.Equal("MISS", next.CacheStatus());
        Assert.Equal($"Renamed {spelling}", (await next.Content.ReadFromJsonAsync<Profile>())!.DisplayName);
    }
}
