using Tripmate.SocialGraph.Store.Sqlite;

namespace Tripmate.SocialGraph.Benchmarks;

/// <summary>
/// A follow graph with a power-law in-degree (preferential attachment: half of all follows go to
/// someone picked in proportion to the followers they already have), written straight into the
/// embedded store's tables in one transaction: seeding through the API would measure the seeding.
/// </summary>
internal static class PowerLawGraph
{
    public static async Task<Guid[]> SeedAsync(SqliteGraphDatabase database, int users, int follows, int seed)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, users).Select(_ => Guid.CreateVersion7()).ToArray();
        var popular = new List<int>(follows);
        var edges = new HashSet<(int, int)>();
        while (edges.Count < follows)
        {
            var follower = random.Next(users);
            var followee = popular.Count > 0 && random.NextDouble() < 0.5 ? popular[random.Next(popular.Count)] : random.Next(users);
            if (follower != followee && edges.Add((follower, followee)))
            {
                popular.Add(followee);
            }
        }

        var start = DateTimeOffset.UtcNow.AddDays(-365).ToUnixTimeMilliseconds();
        await database.WriteAsync(async (c, t) =>
        {
            await using var user = c.CreateCommand();
            user.Transaction = t;
            user.CommandText = "INSERT INTO users (seq, id) VALUES ($seq, $id)";
            var seq = user.Parameters.Add("$seq", Microsoft.Data.Sqlite.SqliteType.Integer);
            var id = user.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Text);
            for (var i = 0; i < users; i++)
            {
                (seq.Value, id.Value) = (i + 1, ids[i].ToString());
                await user.ExecuteNonQueryAsync();
            }

            await using var follow = c.CreateCommand();
            follow.Transaction = t;
            follow.CommandText = "INSERT INTO follows (follower, followee, since) VALUES ($a, $b, $since)";
            var a = follow.Parameters.Add("$a", Microsoft.Data.Sqlite.SqliteType.Integer);
            var b = follow.Parameters.Add("$b", Microsoft.Data.Sqlite.SqliteType.Integer);
            var since = follow.Parameters.Add("$since", Microsoft.Data.Sqlite.SqliteType.Integer);
            var n = 0;
            foreach (var (from, to) in edges)
            {
                (a.Value, b.Value, since.Value) = (from + 1, to + 1, start + n++ * 1000L);
                await follow.ExecuteNonQueryAsync();
            }

            return 0;
        }, CancellationToken.None);
        return ids;
    }
}
