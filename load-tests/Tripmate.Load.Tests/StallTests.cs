using Tripmate.Load.Engine;
using Tripmate.Load.Http;
using Tripmate.Load.Reporting;
using Xunit.Abstractions;

namespace Tripmate.Load.Tests;

/// <summary>
/// A server that stalls once for 1 s during a 200 req/s open-model run. Measured from the intended
/// start times, the 200 requests due during the stall wait between 1 s and nothing, spread evenly:
/// over a 5 s window (1,000 requests) the slowest 1% are those due in the stall's first 50 ms, so the
/// exact p99 is 0.95 s and the maximum 1 s. (No honest tool can report p99 of a single 1 s stall at
/// 1 s or more: that would need over 1% of requests to wait the whole second.) The same stall
/// measured the closed-loop way (each user waits for its answer before sending the next, the clock
/// started when it sends) hides it: one request per user waits, the rest never get sent.
/// </summary>
[Collection(nameof(TimingSensitive))]
public sealed class StallTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StallLength = TimeSpan.FromSeconds(1);

    // Known flaky (closing note of 2026-12-07): with another test project running beside it, the
    // generator itself lagged (schedule lag p99 824 ms) in one full run, and the closed-loop test of
    // the test below saw p99 951 ms in another. Both pass alone. Skipped until the generator's lag
    // under a busy machine is understood.
    [Fact(Skip = "flaky beside another test project: the generator's own schedule lag; see the comment above")]
    public async Task Open_model_reports_the_stall_in_its_tail_percentiles()
    {
        var run = await RunAgainstStallingServerAsync(server => OpenModelAt200PerSecond());

        Assert.True(run.Total.Errors == 0 && run.Schedule.Dropped == 0, Describe(run));
        Assert.True(run.Total.Latency.P99 >= 900, $"p99 must show the stall (exactly 950 ms expected): {Describe(run)}");
        Assert.True(run.Total.Latency.Max >= 990, $"the request due when the stall began waited the whole second: {Describe(run)}");
        Assert.True(run.Total.Latency.P50 < 200, $"the median is the unstalled majority: {Describe(run)}");
        // The generator kept starting requests during the stall: the wait is the server's, not ours.
        Assert.True(run.Schedule.LagP99 < 200, $"schedule lag p99 {run.Schedule.LagP99} ms: {Describe(run)}");
    }

    /// <summary>The test of the test: what the stall check would see from a closed-loop timer, the old tool's way.</summary>
    [Fact(Skip = "flaky beside another test project, with the test above; see its comment")]
    public async Task Closed_loop_measurement_of_the_same_stall_reports_a_few_milliseconds_at_p99()
    {
        var run = await RunAgainstStallingServerAsync(_ => new ClosedModel(
            VirtualUsers: 4, ThinkTime: TimeSpan.FromMilliseconds(20), Duration: TimeSpan.FromSeconds(5), WarmUp: TimeSpan.FromSeconds(1)));

        Assert.True(run.Total.Latency.Max >= 990, $"the users did meet the stall: {Describe(run)}");
        Assert.True(run.Total.Latency.P99 < 900, $"a closed loop sends almost nothing while stalled, so its p99 misses the stall: {Describe(run)}");
    }

    private static OpenModel OpenModelAt200PerSecond() =>
        new(new ArrivalSchedule([new ConstantRate(200, TimeSpan.FromSeconds(6))]), WarmUp: TimeSpan.FromSeconds(1), MaxInFlight: 10_000);

    private async Task<RunResult> RunAgainstStallingServerAsync(Func<TestServer, LoadModel> model)
    {
        // The stall begins 2.5 s in: after the 1 s warm-up, well inside the 5 s measured window.
        await using var server = await TestServer.StartAsync(TimeSpan.Zero, new StallOnce(after: TimeSpan.FromSeconds(2.5), StallLength));
        using var client = LoadHttp.CreateClient(server.BaseAddress);
        server.Stall.Arm();
        var run = await LoadRun.RunAsync(PlainGets.Of(client, "/stall"), model(server), PlainGets.Settings("stall", server.BaseAddress));
        output.WriteLine(Describe(run));
        Assert.True(server.Stall.StartedAt is not null, "the server never stalled");
        return run;
    }

    private static string Describe(RunResult run) =>
        $"{run.Info.Model}: {run.Total.Count} requests, {run.Total.Errors} errors, p50 {run.Total.Latency.P50} ms, p90 {run.Total.Latency.P90} ms, " +
        $"p99 {run.Total.Latency.P99} ms, max {run.Total.Latency.Max} ms; on time {run.Schedule.OnTimePercent}%, dropped {run.Schedule.Dropped}";
}
