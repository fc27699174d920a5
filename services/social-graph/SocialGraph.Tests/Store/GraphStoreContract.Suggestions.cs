using Tripmate.SocialGraph.Store;

namespace Tripmate.SocialGraph.Tests.Store;

public abstract partial class GraphStoreContract
{
    /// <summary>
    /// A hand-built graph whose answer is worked out by hand: me follows a, b, c;
    /// a follows x, y, z, b; b follows x, y, me; c follows x, w, v, q, r.
    /// Mutual connections: x 3, y 2, z 1, w 1, v 1 (b is followed already, me is me).
    /// Shared groups with me: w 2, v 1, y 1. q is blocked by me, r blocks me: neither appears.
    /// Ranked: x(3,0), y(2,1), w(1,2), v(1,1), z(1,0).
    /// </summary>
    [SkippableFact]
    public async Task Suggestions_rank_by_mutual_connections_then_shared_groups_then_id_and_skip_blocks()
    {
        await StartAsync();
        var ids = await NewUsersAsync(11);
        var (me, a, b, c, x, y, z, w, v, q, r) = (ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6], ids[7], ids[8], ids[9], ids[10]);
        foreach (var (from, to) in new[]
                 {
                     (me, a), (me, b), (me, c), (a, x), (a, y), (a, z), (a, b), (b, x), (b, y), (b, me),
                     (c, x), (c, w), (c, v), (c, q), (c, r),
                 })
        {
            await FollowAsync(from, to);
        }

        var (g1, g2, g3) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        foreach (var (group, member) in new[] { (g1, me), (g2, me), (g3, me), (g1, w), (g2, w), (g3, v), (g1, y), (g2, x) })
        {
            await Graph.ApplyMembershipAsync(group, member, 1, isMember: true, Ct);
        }

        await Graph.RemoveGroupAsync(g2, Ct); // x's only shared group goes, and one of w's
        await Graph.ApplyMembershipAsync(g3, w, 1, isMember: true, Ct); // w is back to 2
        await BlockAsync(me, q);
        await BlockAsync(r, me);

        var expected = new[]
        {
            new Suggestion(x, 3, 0), new Suggestion(y, 2, 1), new Suggestion(w, 1, 2), new Suggestion(v, 1, 1), new Suggestion(z, 1, 0),
        };
        Assert.Equal(expected, (await Graph.SuggestionsAsync(me, null, 10, Ct)).Items);

        var paged = new List<Suggestion>();
        SuggestionPosition? after = null;
        do
        {
            var slice = await Graph.SuggestionsAsync(me, after, 2, Ct);
            paged.AddRange(slice.Items);
            after = slice.Next;
        }
        while (after is not null);
        Assert.Equal(expected, paged);
    }

    [SkippableFact]
    public async Task Suggestions_with_equal_ranks_are_ordered_by_id()
    {
        await StartAsync();
        var ids = await NewUsersAsync(5);
        var (me, a, others) = (ids[0], ids[1], ids[2..]);
        await FollowAsync(me, a);
        foreach (var other in others.Reverse())
        {
            await FollowAsync(a, other);
        }

        var suggested = (await Graph.SuggestionsAsync(me, null, 10, Ct)).Items.Select(s => s.UserId);

        Assert.Equal(others.OrderBy(id => id.ToString(), StringComparer.Ordinal), suggested);
    }

    /// <summary>me is friends with a and b; a is in g1 and g2, b in g2 and g3, me in g3: g2 (2 friends), then g1 (1).</summary>
    [SkippableFact]
    public async Task Group_suggestions_rank_by_friends_in_them_and_skip_groups_of_the_caller()
    {
        await StartAsync();
        var ids = await NewUsersAsync(4);
        var (me, a, b, follower) = (ids[0], ids[1], ids[2], ids[3]);
        foreach (var friend in new[] { a, b })
        {
            await FollowAsync(me, friend);
            await FollowAsync(friend, me);
        }

        await FollowAsync(follower, me); // one way: not a friend, so their group does not count
        var (g1, g2, g3, g4) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        foreach (var (group, member) in new[] { (g1, a), (g2, a), (g2, b), (g3, b), (g3, me), (g4, follower) })
        {
            await Graph.ApplyMembershipAsync(group, member, 1, isMember: true, Ct);
        }

        var suggested = await Graph.GroupSuggestionsAsync(me, null, 10, Ct);

        Assert.Equal([new GroupSuggestion(g2, 2), new GroupSuggestion(g1, 1)], suggested.Items);
    }
}
