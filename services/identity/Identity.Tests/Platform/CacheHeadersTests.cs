using System.Net;
using System.Net.Http.Json;
using Tripmate.Contracts.Caching;
using Tripmate.Identity.Tests.Infrastructure;

namespace Tripmate.Identity.Tests.Platform;

/// <summary>
/// What identity tells the gateway's cache: how each GET may be cached and under which tags, and
/// for each write the tags it made stale, both in its answer and in a CacheTagsInvalidated event.
/// </summary>
public sealed class CacheHeadersTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task A_public_profile_is_public_for_five_minutes_under_its_users_tag_and_a_missing_one_is_not_marked()
    {
        var (owner, reader) = (await app.NewUserAsync(), await app.NewUserAsync());
        // Any spelling of the id gives the one tag an invalidation names.
        var profile = await reader.Client.GetAsync($"/api/users/{owner.Id.ToString("N").ToUpperInvariant()}");
        var missing = await reader.Client.GetAsync($"/api/users/{Guid.NewGuid()}");

        Assert.Equal(("public max-age=300", $"user:{owner.Id}"), (CacheControl(profile), Tags(profile)));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal((null, null), (CacheControl(missing), Tags(missing)));
    }

    [Fact]
    public async Task Own_account_is_no_store_and_search_and_own_groups_are_not_marked()
    {
        var user = await app.NewUserAsync();

        var me = await user.Client.GetAsync("/api/users/me");
        var search = await user.Client.GetAsync("/api/users?query=a");
        var groups = await user.Client.GetAsync("/api/groups?member=me");

        Assert.Equal("no-store", CacheControl(me));
        Assert.Equal((null, null), (CacheControl(search), CacheControl(groups)));
    }

    [Fact]
    public async Task Group_details_and_member_lists_are_private_under_the_groups_tags_and_each_listed_members()
    {
        var (owner, member) = (await app.NewUserAsync(), await app.NewUserAsync());
        var group = await CreateGroupAsync(owner);
        (await owner.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = member.Id })).EnsureSuccessStatusCode();

        var details = await member.Client.GetAsync($"/api/groups/{group.Id}");
        var members = await member.Client.GetAsync($"/api/groups/{group.Id}/members");

        Assert.Equal(("private max-age=300", $"group:{group.Id}"), (CacheControl(details), Tags(details)));
        Assert.Equal("private max-age=300", CacheControl(members));
        Assert.Equal(
            new[] { $"group:{group.Id}", $"group:{group.Id}:members", $"user:{owner.Id}", $"user:{member.Id}" }.Order(),
            Tags(members)!.Split(' ').Order());
    }

    [Fact]
    public async Task Every_write_that_changes_cached_data_names_what_it_made_stale_in_its_answer_and_in_its_event()
    {
        await using var recorder = await IdentityEvents.RecordAsync();
        var (owner, member, leaving) = (await app.NewUserAsync(), await app.NewUserAsync(), await app.NewUserAsync());
        var group = await CreateGroupAsync(owner);
        var other = await CreateGroupAsync(leaving);
        string[] groupTags = [$"group:{group.Id}", $"group:{group.Id}:members"];

        var writes = new List<(HttpResponseMessage Answer, string[] Tags)>
        {
            (await owner.Client.PatchAsJsonAsync("/api/users/me", new { bio = "New bio" }), [$"user:{owner.Id}"]),
            (await owner.Client.PatchAsJsonAsync($"/api/groups/{group.Id}", new { name = "Renamed" }), [$"group:{group.Id}"]),
            (await owner.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = member.Id }), groupTags),
            (await owner.Client.PostAsJsonAsync($"/api/groups/{group.Id}/members", new { userId = leaving.Id }), groupTags),
            (await owner.Client.DeleteAsync($"/api/groups/{group.Id}/members/{member.Id}"), groupTags),
            (await leaving.Client.DeleteAsync("/api/users/me"),
                [$"user:{leaving.Id}", .. groupTags, $"group:{other.Id}", $"group:{other.Id}:members"]),
            (await owner.Client.DeleteAsync($"/api/groups/{group.Id}"), groupTags),
        };

        foreach (var (answer, tags) in writes)
        {
            Assert.True(answer.IsSuccessStatusCode, $"{answer.RequestMessage!.Method} {answer.RequestMessage.RequestUri}: {(int)answer.StatusCode}");
            Assert.Equal(tags.Order(), Invalidated(answer).Order());
        }

        // One event per write, with the same tags (several writes here invalidate the same ones).
        foreach (var sameTags in writes.GroupBy(write => string.Join(' ', write.Tags.Order())))
        {
            var events = await recorder.WaitForAsync<CacheTagsInvalidated>(e => string.Join(' ', e.Tags.Order()) == sameTags.Key, sameTags.Count());
            Assert.Equal(sameTags.Count(), events.Count);
        }
    }

    [Fact]
    public async Task A_patch_that_changes_nothing_invalidates_nothing()
    {
        var user = await app.NewUserAsync("Same Name");

        var answer = await user.Client.PatchAsJsonAsync("/api/users/me", new { displayName = "Same Name" });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Empty(Invalidated(answer));
    }

    private static async Task<GroupDto> CreateGroupAsync(TestUser owner)
    {
        var response = await owner.Client.PostAsJsonAsync("/api/groups", new { name = $"Trip {Guid.NewGuid():N}" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<GroupDto>())!;
    }

    /// <summary>The directives that matter to the gateway, in one order (the client's parser reorders them).</summary>
    private static string? CacheControl(HttpResponseMessage response) => response.Headers.CacheControl switch
    {
        null => null,
        { NoStore: true } => "no-store",
        var directives => $"{(directives.Public ? "public" : directives.Private ? "private" : "")} max-age={directives.MaxAge?.TotalSeconds}",
    };

    private static string? Tags(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Surrogate-Key", out var values) ? string.Join(' ', values) : null;

    private static string[] Invalidated(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Surrogate-Key-Invalidate", out var values)
            ? [.. values.SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries))]
            : [];
}
