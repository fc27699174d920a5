using System.Diagnostics;
using Tripmate.Outbox;
using Tripmate.SocialGraph.Benchmarks;
using Tripmate.SocialGraph.Store;
using Tripmate.SocialGraph.Store.Sqlite;

// Usage: dotnet run -c Release --project services/social-graph/SocialGraph.Benchmarks [-- users follows seconds-per-operation]
// Seeds a power-law graph (10,000 users, 100,000 follows) in a fresh embedded store, then for each
// operation runs 16 concurrent callers for a fixed time, on random users, and reports throughput
// and p50/p99 latency of the store call (what an API request spends in the store).
var users = args.Length > 0 ? int.Parse(args[0]) : 10_000;
var follows = args.Length > 1 ? int.Parse(args[1]) : 100_000;
var seconds = args.Length > 2 ? double.Parse(args[2]) : 10;
const int Callers = 16;
// Microsoft.Data.Sqlite runs its "async" calls synchronously, so each caller holds a thread:
// without this the pool adds threads one at a time and the wait for one, not the store, is measured.
ThreadPool.SetMinThreads(Callers * 2, Callers * 2);

var directory = Directory.CreateTempSubdirectory("tripmate-social-graph-bench-").FullName;
using var database = new SqliteGraphDatabase(Path.Combine(directory, SqliteGraphDatabase.FileName), TimeProvider.System, new OutboxSignal());
await database.InitializeAsync(CancellationToken.None);
var seeding = Stopwatch.StartNew();
var ids = await PowerLawGraph.SeedAsync(database, users, follows, seed: 20261129);
Console.WriteLine($"Seeded {users:N0} users and {follows:N0} follows (power law) in {seeding.Elapsed.TotalSeconds:0.0} s; {Callers} callers, {seconds} s per operation.");
IGraphStore graph = new SqliteGraphStore(database);

var operations = new (string Name, Func<Random, Task> Run)[]
{
    ("followers page (20)", r => graph.FollowersAsync(Pick(r), null, 20, CancellationToken.None)),
    ("stats", r => graph.CountsAsync(Pick(r), CancellationToken.None)),
    ("suggestions (20)", r => graph.SuggestionsAsync(Pick(r), null, 20, CancellationToken.None)),
    ("path (max depth 6)", r => graph.ShortestPathAsync(Pick(r), Pick(r), Pick(r), 6, CancellationToken.None)),
};

Console.WriteLine();
Console.WriteLine("| operation | callers | requests/s | p50 ms | p99 ms | max ms |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var (name, run) in operations)
{
    // One caller first: the store's own time per call, without waiting for a core.
    foreach (var callers in new[] { 1, Callers })
    {
        await Measure(run, callers, TimeSpan.FromSeconds(1)); // warm-up: page cache, JIT
        var (throughput, latencies) = await Measure(run, callers, TimeSpan.FromSeconds(seconds));
        Console.WriteLine(
            $"| {name} | {callers} | {throughput:N0} | {Percentile(latencies, 0.50):0.00} | {Percentile(latencies, 0.99):0.00} | {latencies[^1]:0.00} |");
    }
}

Directory.Delete(directory, recursive: true);
return;

Guid Pick(Random random) => ids[random.Next(ids.Length)];

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static async Task<(double Throughput, List<double> Latencies)> Measure(Func<Random, Task> run, int callers, TimeSpan duration)
{
    var all = new List<double>[callers];
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
    {
        var random = new Random(caller);
        var mine = all[caller] = [];
        while (clock.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            await run(random);
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    })));
    var latencies = all.SelectMany(l => l).Order().ToList();
    return (latencies.Count / clock.Elapsed.TotalSeconds, latencies);
}
