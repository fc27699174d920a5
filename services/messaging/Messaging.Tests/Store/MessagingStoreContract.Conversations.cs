using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Tests.Store;

public abstract partial class MessagingStoreContract
{
    [SkippableFact]
    public async Task Ensuring_a_conversation_again_returns_the_existing_one_and_its_members()
    {
        await StartAsync();
        var (alice, bob, carol) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var direct = new Conversation(Guid.NewGuid(), ConversationKind.Direct, null, null, T0);

        var created = await Conversations.EnsureAsync(direct, [alice, bob], Ct);
        var again = await Conversations.EnsureAsync(direct with { Title = "other", CreatedAt = T0.AddDays(1) }, [carol], Ct);

        Assert.Equal(direct, created);
        Assert.Equal(direct, again);
        Assert.Equal(direct, await Conversations.FindAsync(direct.Id, Ct));
        Assert.Equal(new[] { alice, bob }.Order(), (await Conversations.GetMemberIdsAsync(direct.Id, Ct)).Order());
        Assert.False(await Conversations.IsMemberAsync(direct.Id, carol, Ct));
        Assert.Null(await Conversations.FindAsync(Guid.NewGuid(), Ct));
    }

    [SkippableFact]
    public async Task Members_are_added_and_removed_idempotently_with_their_inbox_rows()
    {
        await StartAsync();
        var (owner, joiner) = (Guid.NewGuid(), Guid.NewGuid());
        var conversation = await NewConversationAsync(owner);

        Assert.True(await Conversations.AddMemberAsync(conversation, joiner, 1, Ct));
        Assert.False(await Conversations.AddMemberAsync(conversation, joiner, 1, Ct));
        Assert.True(await Conversations.IsMemberAsync(conversation, joiner, Ct));
        Assert.Equal(2, (await Conversations.GetMemberIdsAsync(conversation, Ct)).Count);
        Assert.NotNull(await InboxEntryAsync(joiner, conversation));

        Assert.True(await Conversations.RemoveMemberAsync(conversation, joiner, 2, Ct));
        Assert.False(await Conversations.RemoveMemberAsync(conversation, joiner, 2, Ct));
        Assert.False(await Conversations.IsMemberAsync(conversation, joiner, Ct));
        Assert.Equal([owner], await Conversations.GetMemberIdsAsync(conversation, Ct));
        Assert.Null(await InboxEntryAsync(joiner, conversation));

        await SendAsync(conversation, owner, T0.AddSeconds(1));
        Assert.Null(await InboxEntryAsync(joiner, conversation));
    }

    [SkippableFact]
    public async Task A_member_cannot_be_added_to_a_conversation_that_does_not_exist()
    {
        await StartAsync();
        var missing = Guid.NewGuid();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Conversations.AddMemberAsync(missing, Guid.NewGuid(), 1, Ct));
        Assert.Empty(await Conversations.GetMemberIdsAsync(missing, Ct));
    }

    [SkippableFact]
    public async Task A_new_member_sees_the_latest_message_with_nothing_unread()
    {
        await StartAsync();
        var (owner, joiner) = (Guid.NewGuid(), Guid.NewGuid());
        var conversation = await NewConversationAsync(owner);
        var latest = await SendAsync(conversation, owner, T0.AddSeconds(1));

        await Conversations.AddMemberAsync(conversation, joiner, 1, Ct);

        var entry = await InboxEntryAsync(joiner, conversation);
        Assert.Equal((latest.Id, 0L), (entry?.LastMessage?.MessageId, entry?.UnreadCount));
    }

    [SkippableFact]
    public async Task A_closed_conversation_keeps_its_first_closing_time()
    {
        await StartAsync();
        var conversation = await NewConversationAsync(Guid.NewGuid());

        await Conversations.CloseAsync(conversation, T0.AddHours(1), Ct);
        await Conversations.CloseAsync(conversation, T0.AddHours(2), Ct);

        Assert.Equal(T0.AddHours(1), (await Conversations.FindAsync(conversation, Ct))?.ClosedAt);
        await Conversations.CloseAsync(Guid.NewGuid(), T0, Ct); // unknown: nothing to close, no error
    }

    [SkippableFact]
    public async Task Removing_a_user_empties_their_inbox_and_memberships_only()
    {
        await StartAsync();
        var (leaving, staying) = (Guid.NewGuid(), Guid.NewGuid());
        var first = await NewConversationAsync(leaving, staying);
        var second = await NewConversationAsync(leaving, staying);

        await Conversations.RemoveUserAsync(leaving, Ct);

        Assert.Empty((await Conversations.GetInboxAsync(leaving, null, 10, Ct)).Items);
        Assert.False(await Conversations.IsMemberAsync(first, leaving, Ct));
        Assert.False(await Conversations.IsMemberAsync(second, leaving, Ct));
        Assert.Equal(2, (await Conversations.GetInboxAsync(staying, null, 10, Ct)).Items.Count);
        Assert.Equal([staying], await Conversations.GetMemberIdsAsync(first, Ct));
    }
}
