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
