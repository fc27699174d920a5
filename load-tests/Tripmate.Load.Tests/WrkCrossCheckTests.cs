using Tripmate.Load.Engine;
using Tripmate.Load.Http;
using Xunit.Abstractions;

namespace Tripmate.Load.Tests;

/// <summary>
/// The tool measures what wrk measures. Both hold 16 connections against the same plain endpoint
/// at the same time, so whatever else the shared machine is doing hits both alike (run one after
/// the other, their numbers drifted apart by 40% here under other builds). The endpoint pauses 2 ms,
/// as a service's I/O would: the comparison is then of the measuring (timers, counting,
/// percentiles), not of HttpClient's CPU cost against wrk's C, which on two shared cores would
/// decide the throughput of an endpoint that does nothing.
/// </summary>
[Collection(nameof(TimingSensitive))]
public sealed class WrkCrossCheckTests(ITestOutputHelper output)
{
    private const int Connections = 16;

    [Fact]
    public async Task Throughput_and_median_latency_agree_with_wrk_within_ten_percent()
    {
        await using var server = await TestServer.StartAsync(plainPause: TimeSpan.FromMilliseconds(2));
        var url = new Uri(server.BaseAddress, "/plain");
        using var client = LoadHttp.CreateClient(server.BaseAddress);
        await SideBySideAsync(client, url, TimeSpan.FromSeconds(1)); // warms up the server, the client and the JIT

        var (wrk, ours) = await SideBySideAsync(client, url, TimeSpan.FromSeconds(6));

        var report = $"tool {ours.Total.Throughput:0} req/s, p50 {ours.Total.Latency.P50:0.###} ms; wrk {wrk.RequestsPerSecond:0} req/s, p50 {wrk.P50Ms:0.###} ms";
        output.WriteLine(report);
        Assert.True(ours.Total.Errors == 0, report);
        Assert.True(Math.Abs(ours.Total.Throughput / wrk.RequestsPerSecond - 1) <= 0.1, $"throughput differs by more than 10%: {report}");
        Assert.True(Math.Abs(ours.Total.Latency.P50 / wrk.P50Ms - 1) <= 0.1, $"p50 differs by more than 10%: {report}");
    }

    private static async Task<(Wrk.Result Wrk, Reporting.RunResult Ours)> SideBySideAsync(HttpClient client, Uri url, TimeSpan duration)
    {
        var wrk = Wrk.RunAsync(url, Connections, duration);
        var ours = LoadRun.RunAsync(PlainGets.Of(client, "/plain"),
            new ClosedModel(Connections, TimeSpan.Zero, duration, WarmUp: TimeSpan.Zero), PlainGets.Settings("wrk cross-check", url));
        return (await wrk, await ours);
    }
}

/// <summary>Tests that measure time run one at a time, so they do not load the machine for each other.</summary>
[CollectionDefinition(nameof(TimingSensitive), DisableParallelization = true)]
public sealed class TimingSensitive;
