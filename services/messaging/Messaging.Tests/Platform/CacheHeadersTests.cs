using System.Net.Http.Json;
using Tripmate.Messaging.Tests.Infrastructure;
using Tripmate.Testing;
using Tripmate.Testing.Bus;

namespace Tripmate.Messaging.Tests.Platform;

/// <summary>
/// What messaging tells the gateway's cache: its reads are private and brief under the
/// conversation's tags (a group's conversation under its group's too), its personal and live
/// answers are no-store, and its writes name what they made stale.
/// </summary>
public sealed class CacheHeadersTests(MessagingApp app, EventPublisher events) : IClassFixture<MessagingApp>, IClassFixture<EventPublisher>
{
    private const string Brief = "private max-age=10";

    [Fact]
    public async Task A_direct_conversation_its_pages_and_messages_are_private_and_brief_under_its_tags()
    {
        var (ada, bob) = (app.NewUser(), app.NewUser());
        var conversation = await ada.OpenDirectAsync(bob.Id);
        var message = await ada.SendAsync(conversation.Id, "hello");
        var id = conversation.Id;

        var details = await bob.Client.GetAsync($"/api/conversations/{id}");
        var page = await bob.Client.GetAsync($"/api/conversations/{id}/messages?limit=5");
        var one = await bob.Client.GetAsync($"/api/conversations/{id}/messages/{message.Id}");

        Assert.Equal([Brief, Brief, Brief], new[] { details, page, one }.Select(CacheControl));
        Assert.Equal(Set(Access(id), $"user:{ada.Id}", $"user:{bob.Id}"), Tags(details));
        Assert.Equal(Set(Access(id), $"conversation:{id}:messages"), Tags(page));
        Assert.Equal(Set(Access(id), $"message:{message.Id}"), Tags(one));
    }

    [Fact]
    public async Task A_groups_conversation_carries_its_groups_tags_so_identitys_invalidations_reach_it()
    {
        var owner = app.NewUser();
        var groupId = await events.NewGroupAsync(owner);

        var details = await owner.Client.GetAsync($"/api/conversations/{groupId}");

        Assert.Contains($"group:{groupId}", Tags(details));
        Assert.Contains($"group:{groupId}:members", Tags(details));
    }

    [Fact]
    public async Task An_answer_to_a_non_member_is_not_marked()
    {
        var (ada, bob, eve) = (app.NewUser(), app.NewUser(), app.NewUser());
        var conversation = await ada.OpenDirectAsync(bob.Id);

        var response = await eve.Client.GetAsync($"/api/conversations/{conversation.Id}/messages");

        Assert.Equal((404, null), ((int)response.StatusCode, CacheControl(response)));
        Assert.Empty(Tags(response));
    }

    [Fact]
    public async Task The_inbox_notifications_and_their_stream_are_no_store()
    {
        var user = app.NewUser();

        var inbox = await user.Client.GetAsync("/api/conversations");
        var notifications = await user.Client.GetAsync("/api/notifications");
        var unread = await user.Client.GetAsync("/api/notifications/unread-count");
        await using var stream = await ServerSentEventsClient.ConnectAsync(user.Client);

        Assert.Equal(["no-store", "no-store", "no-store", "no-store"],
            new[] { inbox, notifications, unread, stream.Response }.Select(CacheControl));
    }

    [Fact]
    public async Task Sending_editing_and_deleting_name_the_page_and_message_they_made_stale()
    {
        var (ada, bob) = (app.NewUser(), app.NewUser());
        var conversation = await ada.OpenDirectAsync(bob.Id);
        var page = $"conversation:{conversation.Id}:messages";

        var sent = await ada.PostMessageAsync(conversation.Id, new { text = "first" });
        var message = (await sent.Content.ReadFromJsonAsync<MessageDto>())!;
        var edited = await ada.Client.PatchAsJsonAsync($"/api/conversations/{conversation.Id}/messages/{message.Id}", new { text = "second" });
        var deleted = await ada.Client.DeleteAsync($"/api/conversations/{conversation.Id}/messages/{message.Id}");

        Assert.Equal(Set(page), Invalidated(sent));
        Assert.Equal(Set(page, $"message:{message.Id}"), Invalidated(edited));
        Assert.Equal(Set(page, $"message:{message.Id}"), Invalidated(deleted));
    }

    private static string[] Access(Guid id) => [$"conversation:{id}", $"group:{id}", $"group:{id}:members"];

    private static SortedSet<string> Set(IEnumerable<string> tags, params string[] more) => new([.. tags, .. more], StringComparer.Ordinal);

    private static SortedSet<string> Set(params string[] tags) => new(tags, StringComparer.Ordinal);

    /// <summary>The directives that matter to the gateway, in one order (the client's parser reorders them).</summary>
    private static string? CacheControl(HttpResponseMessage response) => response.Headers.CacheControl switch
    {
        null => null,
        { NoStore: true } => "no-store",
        var directives => $"{(directives.Public ? "public" : directives.Private ? "private" : "")} max-age={directives.MaxAge?.TotalSeconds}",
    };

    private static SortedSet<string> Tags(HttpResponseMessage response) => HeaderTags(response, "Surrogate-Key");

    private static SortedSet<string> Invalidated(HttpResponseMessage response) => HeaderTags(response, "Surrogate-Key-Invalidate");

    private static SortedSet<string> HeaderTags(HttpResponseMessage response, string header) =>
        new(response.Headers.TryGetValues(header, out var values) ? values.SelectMany(v => v.Split(' ')) : [], StringComparer.Ordinal);
}
