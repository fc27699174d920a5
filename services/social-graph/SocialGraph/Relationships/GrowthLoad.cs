using System.Globalization;
using System.Security.Cryptography;
using Tripmate.SocialGraph.Store;

namespace Tripmate.SocialGraph.Relationships;

/// <summary>
/// <c>dotnet Tripmate.SocialGraph.dll load-growth graph --users N --follows-per-user F --attach A,B,...</c>:
/// grows the graph to N users of its own, each following F others by preferential attachment (half
/// of the follows go to someone picked in proportion to the followers they have, so a few are
/// followed by many: a power law), through the store's own writes (what a registration and a follow
/// store), for measuring how suggestions grow with the graph (`./dev seed --growth`,
/// docs/performance.md goal 6). The users of <c>--attach</c> (real, signed-in people) follow F of
/// them too, so their suggestions come from the grown graph. The graph is the same for the same
/// sizes (a fixed random seed, ids derived from positions) and only grows: a run adds the users
/// after the last one present, so growing 10^4 to 10^5 keeps the first 10^4. No events.
/// </summary>
public static class GrowthLoad
{
    public const string Command = "load-growth";

    private static readonly DateTimeOffset Anchor = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        if (args is not ["graph", ..])
        {
            output.WriteLine("usage: load-growth graph --users N --follows-per-user F [--attach ID,ID,...]");
            return 2;
        }

        var users = int.Parse(Option(args, "--users"), CultureInfo.InvariantCulture);
        var perUser = int.Parse(Option(args, "--follows-per-user"), CultureInfo.InvariantCulture);
        var attach = (args.SkipWhile(a => a != "--attach").Skip(1).FirstOrDefault() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        var graph = services.GetRequiredService<IGraphStore>();
        var present = await PresentAsync(graph, users);
        var random = new Random(23);
        var followed = new List<int>(users * perUser); // one entry per follow received: picking from it is picking by popularity
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < users; i++)
        {
            // The whole sequence is drawn again on every run, so the users added now follow as they would have.
            var targets = new HashSet<int>();
            while (i > 0 && targets.Count < Math.Min(perUser, i))
            {
                var target = followed.Count > 0 && random.NextDouble() < 0.5 ? followed[random.Next(followed.Count)] : random.Next(i);
                targets.Add(target);
            }

            followed.AddRange(targets);
            if (i < present)
            {
                continue;
            }

            var at = Anchor - TimeSpan.FromDays(365) + (TimeSpan.FromDays(365) / users * i);
            await graph.AddUserAsync(IdOf(i), CancellationToken.None);
            foreach (var target in targets)
            {
                await graph.FollowAsync(IdOf(i), IdOf(target), at, [], CancellationToken.None);
            }

            if ((i + 1) % 10_000 == 0)
            {
                output.WriteLine($"  {i + 1:N0} of {users:N0} users ({(i + 1 - present) / clock.Elapsed.TotalSeconds:0}/s)");
            }
        }

        var attachTo = new Random(29);
        foreach (var reader in attach)
        {
            for (var k = 0; k < perUser; k++)
            {
                await graph.FollowAsync(reader, IdOf(followed[attachTo.Next(followed.Count)]), Anchor, [], CancellationToken.None);
            }
        }

        output.WriteLine($"Graph: {users:N0} users of the growth data, about {perUser} follows each ({users - present:N0} added in {clock.Elapsed.TotalSeconds:0} s).");
        return 0;
    }

    /// <summary>How many of the growth users exist: they are added in order, so the first missing one is found by halving.</summary>
    private static async Task<int> PresentAsync(IGraphStore graph, int users)
    {
        var (low, high) = (0, users);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = await graph.UserExistsAsync(IdOf(middle), CancellationToken.None) ? (middle + 1, high) : (low, middle);
        }

        // The last one present may have been cut short among its follows: write it again (follows are idempotent).
        return Math.Max(0, low - 1);
    }

    private static Guid IdOf(int index)
    {
        Span<byte> input = stackalloc byte[20];
        "growth"u8.CopyTo(input);
        BitConverter.TryWriteBytes(input[16..], index);
        return new Guid(SHA256.HashData(input).AsSpan(0, 16));
    }

    private static string Option(IReadOnlyList<string> args, string name) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? throw new ArgumentException($"load-growth: {name} is required.");
}
