using Tripmate.Contracts.SocialGraph;
using Tripmate.SocialGraph.Store;

namespace Tripmate.SocialGraph.Tests.Store;

public abstract partial class GraphStoreContract
{
    [SkippableFact]
    public async Task A_follow_is_idempotent_and_announced_once_with_the_change()
    {
        await StartAsync();
        var (ada, bob) = await TwoAsync();
        var followed = new UserFollowed(ada, bob);

        Assert.Equal(FollowOutcome.Followed, await FollowAsync(ada, bob, followed));
        Assert.Equal(FollowOutcome.AlreadyFollowing, await FollowAsync(ada, bob, new UserFollowed(ada, bob)));

        var events = (await PendingEventsAsync(ada)).Where(e => e.MessageType.Contains(nameof(UserFollowed))).ToList();
        Assert.Equal(followed.EventId, Assert.Single(events).MessageId);
        Assert.Equal([ada], (await Graph.FollowersAsync(bob, null, 10, Ct)).Items.Select(c => c.UserId));
    }

    [SkippableFact]
    public async Task Following_unknown_or_deleted_users_is_refused_and_a_deletion_is_final()
    {
        await StartAsync();
        var (ada, bob) = await TwoAsync();
        await FollowAsync(bob, ada);
        await Graph.RemoveUserAsync(bob, Ct);
        await Graph.AddUserAsync(bob, Ct); // a late UserRegistered

        Assert.Equal(FollowOutcome.UnknownUser, await FollowAsync(ada, bob));
        Assert.Equal(FollowOutcome.UnknownUser, await FollowAsync(ada, Guid.NewGuid()));
        Assert.Equal(FollowOutcome.UnknownUser, await FollowAsync(bob, ada));
        Assert.False(await Graph.UserExistsAsync(bob, Ct));
        Assert.Empty((await Graph.FollowersAsync(ada, null, 10, Ct)).Items);
    }

    [SkippableFact]
    public async Task Removing_a_user_names_everyone_whose_lists_lost_them()
    {
        await StartAsync();
        var ids = await NewUsersAsync(5);
        var (gone, follower, followee, blocker, stranger) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
        await FollowAsync(follower, gone);
        await FollowAsync(gone, followee);
        await BlockAsync(blocker, gone);
        await FollowAsync(stranger, follower);
        IReadOnlyCollection<Guid>? named = null;

        await Graph.RemoveUserAsync(gone, others =>
        {
            named = others;
            return [];
        }, Ct);

        Assert.Equal(new[] { follower, followee, blocker }.Order(), named!.Order());
        Assert.Equal(new RelationshipCounts(1, 0, 0), await Graph.CountsAsync(follower, Ct));
    }

    [SkippableFact]
    public async Task Unfollow_announces_only_a_follow_that_existed()
    {
        await StartAsync();
        var (ada, bob) = await TwoAsync();
        await FollowAsync(ada, bob);
        var unfollowed = new UserUnfollowed(ada, bob);

        Assert.True(await Graph.UnfollowAsync(ada, bob, [unfollowed], Ct));
        Assert.False(await Graph.UnfollowAsync(ada, bob, [new UserUnfollowed(ada, bob)], Ct));

        var events = (await PendingEventsAsync(ada)).Where(e => e.MessageType.Contains(nameof(UserUnfollowed))).ToList();
        Assert.Equal(unfollowed.EventId, Assert.Single(events).MessageId);
    }

    [SkippableFact]
    public async Task Lists_are_newest_first_and_page_without_gaps_or_repeats()
    {
        await StartAsync();
        var star = (await NewUsersAsync(1))[0];
        var fans = await NewUsersAsync(7);
        foreach (var fan in fans)
        {
            await FollowAsync(fan, star);
            await FollowAsync(star, fan);
        }

        var expected = fans.Reverse().ToList();
        Assert.Equal(expected, await AllAsync(after => Graph.FollowersAsync(star, after, 3, Ct)));
        Assert.Equal(expected, await AllAsync(after => Graph.FollowingAsync(star, after, 2, Ct)));
        Assert.Equal(expected, await AllAsync(after => Graph.FriendsAsync(star, after, 4, Ct)));
        Assert.Equal(new RelationshipCounts(7, 7, 7), await Graph.CountsAsync(star, Ct));
    }

    [SkippableFact]
    public async Task Friends_are_mutual_follows_and_mutual_friends_are_shared_by_both()
    {
        await StartAsync();
        var ids = await NewUsersAsync(5);
        var (ada, bob, carol, dan, eve) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
        foreach (var (a, b) in new[] { (ada, carol), (bob, carol), (ada, dan), (bob, dan) })
        {
            await FollowAsync(a, b);
            await FollowAsync(b, a);
        }

        await FollowAsync(ada, eve); // one way only: not friends
        await FollowAsync(eve, bob);

        Assert.Equal(new RelationshipCounts(2, 3, 2), await Graph.CountsAsync(ada, Ct));
        var mutual = await Graph.MutualFriendsAsync(ada, bob, null, 1, Ct);
        var rest = await Graph.MutualFriendsAsync(ada, bob, mutual.Next, 1, Ct);
        Assert.Equal(new[] { carol, dan }.Order(), mutual.Items.Concat(rest.Items));
        Assert.Null(rest.Next);
    }

    private async Task<(Guid, Guid)> TwoAsync()
    {
        var ids = await NewUsersAsync(2);
        return (ids[0], ids[1]);
    }
}
