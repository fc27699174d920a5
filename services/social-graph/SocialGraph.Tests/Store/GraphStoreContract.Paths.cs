namespace Tripmate.SocialGraph.Tests.Store;

public abstract partial class GraphStoreContract
{
    private const int PathUsers = 2000;
    private const int PathFollows = 20000;

    /// <summary>
    /// On a random graph of 2,000 users and 20,000 follows (a fixed seed), the store's shortest
    /// path for 150 random pairs at every depth 1-6 has the length a plain breadth-first search
    /// computed here finds, is a real chain of follows, is the same on a second ask, and is
    /// missing exactly when that search finds nothing within the depth.
    /// </summary>
    [SkippableFact]
    public async Task Shortest_paths_match_a_breadth_first_search_on_a_random_graph()
    {
        await StartAsync();
        var random = new Random(20261129);
        var users = await NewUsersAsync(PathUsers);
        var follows = new HashSet<(int From, int To)>();
        // A tenth of the users follow nobody, so some pairs have no path at all.
        while (follows.Count < PathFollows)
        {
            var from = random.Next(PathUsers / 10, PathUsers);
            var to = random.Next(PathUsers);
            if (from != to && follows.Add((from, to)))
            {
                await Graph.FollowAsync(users[from], users[to], T0, [], Ct);
            }
        }

        var viewer = Guid.NewGuid();
        var checkedNone = 0;
        var checkedSome = 0;
        for (var pair = 0; pair < 150; pair++)
        {
            var (from, to) = (random.Next(PathUsers), random.Next(PathUsers));
            var distance = BreadthFirstDistance(follows, from, to);
            for (var depth = 1; depth <= 6; depth++)
            {
                var path = await Graph.ShortestPathAsync(viewer, users[from], users[to], depth, Ct);
                if (distance is null || distance > depth)
                {
                    Assert.Null(path);
                    checkedNone++;
                    continue;
                }

                Assert.NotNull(path);
                checkedSome++;
                Assert.Equal(distance + 1, path.Count);
                Assert.Equal(users[from], path[0]);
                Assert.Equal(users[to], path[^1]);
                var index = users.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
                Assert.All(path.Zip(path.Skip(1)), step => Assert.Contains((index[step.First], index[step.Second]), follows));
                Assert.Equal(path, await Graph.ShortestPathAsync(viewer, users[from], users[to], depth, Ct));
            }
        }

        // The sample must have exercised both answers, or the test proves little.
        Assert.True(checkedNone > 50 && checkedSome > 50, $"{checkedNone} without a path, {checkedSome} with one");
    }

    [SkippableFact]
    public async Task Paths_avoid_everyone_in_a_block_with_the_caller()
    {
        await StartAsync();
        var ids = await NewUsersAsync(6);
        var (viewer, a, b, c, d, e) = (ids[0], ids[1], ids[2], ids[3], ids[4], ids[5]);
        // a -> b -> d is the short way; a -> c -> e -> d the long one.
        foreach (var (from, to) in new[] { (a, b), (b, d), (a, c), (c, e), (e, d) })
        {
            await FollowAsync(from, to);
        }

        Assert.Equal([a, b, d], await Graph.ShortestPathAsync(viewer, a, d, 6, Ct));
        await BlockAsync(b, viewer);
        Assert.Equal([a, c, e, d], await Graph.ShortestPathAsync(viewer, a, d, 6, Ct));
        Assert.Null(await Graph.ShortestPathAsync(viewer, a, d, 2, Ct));
        await BlockAsync(viewer, d);
        Assert.Null(await Graph.ShortestPathAsync(viewer, a, d, 6, Ct));
        Assert.Equal([a], await Graph.ShortestPathAsync(viewer, a, a, 6, Ct));
    }

    private static int? BreadthFirstDistance(HashSet<(int From, int To)> follows, int from, int to)
    {
        var next = follows.GroupBy(f => f.From).ToDictionary(g => g.Key, g => g.Select(f => f.To).ToList());
        var distance = new Dictionary<int, int> { [from] = 0 };
        var queue = new Queue<int>([from]);
        while (queue.TryDequeue(out var node))
        {
            if (node == to)
            {
                return distance[node];
            }

            foreach (var neighbour in next.GetValueOrDefault(node) ?? [])
            {
                if (distance.TryAdd(neighbour, distance[node] + 1))
                {
                    queue.Enqueue(neighbour);
                }
            }
        }

        return null;
    }
}
