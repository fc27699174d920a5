using Tripmate.Messaging.Store;
namespace Tripmate.Messaging.Tests.Store;

public abstract partial class MessagingStoreContract
{
    [SkippableFact]
    public async Task The_inbox_lists_latest_activity_first_with_previews_and_unread_counts()
    {
        await StartAsync();
        var (me, friend) = (Guid.NewGuid(), Guid.NewGuid());
        var quiet = await NewConversationAsync(me, friend);
        var busy = await NewConversationAsync(me, friend);
        var mine = await NewConversationAsync(me, friend);
        await SendAsync(quiet, friend, T0.AddSeconds(1));
        await SendAsync(busy, friend, T0.AddSeconds(2));
        var last = await SendAsync(busy, friend, T0.AddSeconds(4), "see you at the airport");
        await SendAsync(mine, me, T0.AddSeconds(3));

        var (items, after) = await Conversations.GetInboxAsync(me, null, 10, Ct);


        Assert.Equal([busy, mine, quiet], items.Select(e => e.ConversationId));
        Assert.Equal([2L, 0L, 1L], items.Select(e => e.UnreadCount));
        Assert.Equal((last.Id, friend, "see you at the airport", last.SentAt),
            (items[0].LastMessage?.MessageId, items[0].LastMessage?.SenderId, items[0].LastMessage?.Text, items[0].LastMessage?.SentAt));
        Assert.Equal((last.SentAt, "Trip to Lisbon"), (items[0].LastActivityAt, items[0].Title));
        Assert.Null(after);
    }

    [SkippableFact]
    public async Task The_inbox_pages_with_a_cursor_each_conversation_once()
    {
        await StartAsync();
        var me = Guid.NewGuid();
        var expected = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var conversation = await NewConversationAsync(me);
            await SendAsync(conversation, me, T0.AddSeconds(i % 3)); // ties in activity on purpose
            expected.Add(conversation);
        }

        var seen = new List<Guid>();
        InboxPosition? after = null;
        do
        {
            var page = await Conversations.GetInboxAsync(me, after, 2, Ct);
            Assert.True(page.Items.Count <= 2);
            Assert.All(page.Items, e => Assert.DoesNotContain(e.ConversationId, seen));
            seen.AddRange(page.Items.Select(e => e.ConversationId));
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(expected.Order(), seen.Order());
        Assert.Equal(5, seen.Distinct().Count());
    }

    [SkippableFact]
    public async Task Marking_a_conversation_read_zeroes_that_users_count_only()
    {
        await StartAsync();
        var (me, friend, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var conversation = await NewConversationAsync(me, friend, other);
        await SendAsync(conversation, friend, T0.AddSeconds(1));
        await SendAsync(conversation, friend, T0.AddSeconds(2));

        await Conversations.MarkReadAsync(conversation, me, Ct);

        Assert.Equal(0, (await InboxEntryAsync(me, conversation))?.UnreadCount);
        Assert.Equal(2, (await InboxEntryAsync(other, conversation))?.UnreadCount);
        await SendAsync(conversation, friend, T0.AddSeconds(3));
        Assert.Equal(1, (await InboxEntryAsync(me, conversation))?.UnreadCount);
    }

    [SkippableFact]
    public async Task The_preview_follows_the_newest_message_and_its_edits_and_deletion()
    {
        await StartAsync();
        var (me, friend) = (Guid.NewGuid(), Guid.NewGuid());
        var conversation = await NewConversationAsync(me, friend);
        var newest = await SendAsync(conversation, friend, T0.AddSeconds(5), "newest");
        await SendAsync(conversation, me, T0.AddSeconds(1), "late arrival of an older one");
        Assert.Equal("newest", (await InboxEntryAsync(me, conversation))?.LastMessage?.Text);

        await Messages.EditAsync(conversation, newest.Id, "newest, edited", T0.AddSeconds(6), [], Ct);
        Assert.Equal("newest, edited", (await InboxEntryAsync(me, conversation))?.LastMessage?.Text);

        await Messages.DeleteAsync(conversation, newest.Id, T0.AddSeconds(7), [], Ct);
        var preview = (await InboxEntryAsync(friend, conversation))?.LastMessage;
        Assert.Equal((newest.Id, ""), (preview?.MessageId, preview?.Text));
    }
}
