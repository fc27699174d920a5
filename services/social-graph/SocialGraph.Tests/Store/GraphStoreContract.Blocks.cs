using Tripmate.Contracts.SocialGraph;
using Tripmate.SocialGraph.Store;

namespace Tripmate.SocialGraph.Tests.Store;

public abstract partial class GraphStoreContract
{
    [SkippableFact]
    public async Task A_block_ends_follows_both_ways_and_refuses_new_ones_either_way()
    {
        await StartAsync();
        var ids = await NewUsersAsync(2);
        var (ada, bob) = (ids[0], ids[1]);
        await FollowAsync(ada, bob);
        await FollowAsync(bob, ada);

        var outcome = await BlockAsync(ada, bob);

        Assert.Equal(new BlockOutcome(false, true, true, true), outcome);
        Assert.Equal(FollowOutcome.Blocked, await FollowAsync(ada, bob));
        Assert.Equal(FollowOutcome.Blocked, await FollowAsync(bob, ada));
        Assert.True(await Graph.IsBlockedEitherWayAsync(bob, ada, Ct));
        Assert.Equal(new RelationshipCounts(0, 0, 0), await Graph.CountsAsync(ada, Ct));
        Assert.Equal([bob], (await Graph.BlocksAsync(ada, null, 10, Ct)).Items.Select(c => c.UserId));
        Assert.Empty((await Graph.BlocksAsync(bob, null, 10, Ct)).Items);
    }

    [SkippableFact]
    public async Task A_repeated_block_changes_and_announces_nothing_and_an_unblock_allows_follows_again()
    {
        await StartAsync();
        var ids = await NewUsersAsync(2);
        var (ada, bob) = (ids[0], ids[1]);
        await BlockAsync(ada, bob);

        Assert.Equal(new BlockOutcome(false, false, false, false), await BlockAsync(ada, bob));
        Assert.Single(await PendingEventsAsync(ada), e => e.MessageType.Contains(nameof(UserBlocked)));
        Assert.True(await Graph.UnblockAsync(ada, bob, [new UserUnblocked(ada, bob)], Ct));
        Assert.False(await Graph.UnblockAsync(ada, bob, [new UserUnblocked(ada, bob)], Ct));
        Assert.Single(await PendingEventsAsync(ada), e => e.MessageType.Contains(nameof(UserUnblocked)));
        Assert.Equal(FollowOutcome.Followed, await FollowAsync(bob, ada));
    }

    [SkippableFact]
    public async Task Blocking_an_unknown_user_changes_nothing()
    {
        await StartAsync();
        var ada = (await NewUsersAsync(1))[0];

        Assert.Equal(BlockOutcome.Unknown, await BlockAsync(ada, Guid.NewGuid()));
        Assert.Empty((await Graph.BlocksAsync(ada, null, 10, Ct)).Items);
    }
}
