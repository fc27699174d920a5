using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Tests.Store;

/// <summary>Membership events arrive in any order and more than once; the store keeps the state of the newest version.</summary>
public abstract partial class MessagingStoreContract
{
    [SkippableFact]
    public async Task A_late_add_after_a_removal_does_not_bring_the_member_back()
    {
        await StartAsync();
        var (owner, traveller) = (Guid.NewGuid(), Guid.NewGuid());
        var conversation = await NewConversationAsync(owner);
        Assert.True(await Conversations.AddMemberAsync(conversation, traveller, 2, Ct));

        Assert.True(await Conversations.RemoveMemberAsync(conversation, traveller, 4, Ct));
        Assert.False(await Conversations.AddMemberAsync(conversation, traveller, 3, Ct)); // the add of v3, redelivered late

        Assert.False(await Conversations.IsMemberAsync(conversation, traveller, Ct));
        Assert.DoesNotContain(traveller, await Conversations.GetMemberIdsAsync(conversation, Ct));
        Assert.Null(await InboxEntryAsync(traveller, conversation));
    }

    [SkippableFact]
    public async Task A_removal_that_arrives_before_its_add_still_wins()
    {
        await StartAsync();
        var (owner, traveller) = (Guid.NewGuid(), Guid.NewGuid());
        var conversation = await NewConversationAsync(owner);

        Assert.True(await Conversations.RemoveMemberAsync(conversation, traveller, 5, Ct));
        Assert.False(await Conversations.AddMemberAsync(conversation, traveller, 4, Ct));

        Assert.False(await Conversations.IsMemberAsync(conversation, traveller, Ct));
        Assert.Null(await InboxEntryAsync(traveller, conversation));
    }

    [SkippableFact]
    public async Task An_add_delivered_twice_adds_once_and_a_newer_add_after_a_removal_rejoins()
    {
        await StartAsync();
        var (owner, traveller) = (Guid.NewGuid(), Guid.NewGuid());
        var conversation = await NewConversationAsync(owner);

        Assert.True(await Conversations.AddMemberAsync(conversation, traveller, 2, Ct));
        Assert.False(await Conversations.AddMemberAsync(conversation, traveller, 2, Ct));
        Assert.Equal(new[] { owner, traveller }.Order(), (await Conversations.GetMemberIdsAsync(conversation, Ct)).Order());

        Assert.True(await Conversations.RemoveMemberAsync(conversation, traveller, 3, Ct));
        Assert.True(await Conversations.AddMemberAsync(conversation, traveller, 6, Ct));
        Assert.False(await Conversations.RemoveMemberAsync(conversation, traveller, 3, Ct)); // the old removal, again

        Assert.True(await Conversations.IsMemberAsync(conversation, traveller, Ct));
        Assert.NotNull(await InboxEntryAsync(traveller, conversation));
    }

    [SkippableFact]
    public async Task A_deleted_user_is_not_brought_back_by_any_later_membership_event()
    {
        await StartAsync();
        var (owner, leaving) = (Guid.NewGuid(), Guid.NewGuid());
        var conversation = await NewConversationAsync(owner);
        Assert.True(await Conversations.AddMemberAsync(conversation, leaving, 2, Ct));

        await Conversations.RemoveUserAsync(leaving, Ct);

        Assert.False(await Conversations.AddMemberAsync(conversation, leaving, 1_000_000, Ct));
        Assert.False(await Conversations.IsMemberAsync(conversation, leaving, Ct));
        Assert.Empty((await Conversations.GetInboxAsync(leaving, null, 10, Ct)).Items);
    }
}
