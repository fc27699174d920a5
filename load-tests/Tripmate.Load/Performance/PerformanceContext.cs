using Tripmate.Load.Engine;
using Tripmate.Load.Http;
using Tripmate.Load.Reporting;
using Tripmate.Load.Scenarios;

namespace Tripmate.Load.Performance;

/// <summary>What the performance parts share: `./dev up`'s gateway and identity, the seeded feed, the process sampler.</summary>
public sealed class PerformanceContext(Uri gateway, Uri identity, ScenarioFeed feed, ProcessUsage processes) : IDisposable
{
    private readonly List<HttpClient> _clients = [];

    public Uri Gateway => gateway;

    public Uri Identity => identity;

    public ScenarioFeed Feed => feed;

    public ProcessUsage Processes => processes;

    public HttpClient ClientFor(Uri target)
    {
        var client = LoadHttp.CreateClient(target);
        _clients.Add(client);
        return client;
    }

    public SocialRequests RequestsAt(Uri target) => new(ClientFor(target), feed);

    /// <summary>
    /// Waits until `./dev up`'s processes are quiet (together under a quarter of a core over 2 s), at
    /// most <paramref name="limit"/>: seeding and a part's writes leave work behind (events every
    /// service still applies, files' through s3rver), and the next part must not measure it.
    /// </summary>
    public async Task SettleAsync(TimeSpan limit)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < limit)
        {
            var before = processes.Take();
            await Task.Delay(TimeSpan.FromSeconds(2));
            if (ProcessUsage.CpuBetween(before, processes.Take()).Values.Sum() / 2 < 0.25)
            {
                Console.WriteLine($"  quiet after {waited.Elapsed.TotalSeconds:0} s");
                return;
            }
        }

        Console.WriteLine($"  still busy after {limit.TotalSeconds:0} s; measuring anyway");
    }

    public static Task<RunResult> RunAsync(string name, Uri target, Workload workload, LoadModel model)
    {
        Console.WriteLine($"  {name}: {model.Describe()}");
        return LoadRun.RunAsync(workload, model, new RunSettings(name, target.ToString(), TimeSpan.FromMilliseconds(10)));
    }

    public static ClosedModel Saturation(double seconds) => new(16, TimeSpan.Zero, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(2));

    public static OpenModel FixedRate(double rate, double seconds, double warmUp = 3) =>
        new(new ArrivalSchedule([new ConstantRate(rate, TimeSpan.FromSeconds(warmUp + seconds))]), TimeSpan.FromSeconds(warmUp), 20_000);

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
