using Tripmate.Load.Engine;
using Tripmate.Load.Reporting;

namespace Tripmate.Load.Tests;

/// <summary>Thresholds decide the exit code of a run, so their reading of a result is pinned here.</summary>
public sealed class ThresholdTests
{
    private static readonly RunResult Run = new(
        new RunInfo("t", "open", "http://x", DateTimeOffset.UnixEpoch, 10, 1, MachineInfo.Current()),
        new OperationResult("all", 1000, 2, 100, new Percentiles(5, 6, 7, 8, 40, 90, 120, 150, 6)),
        new Percentiles(1, 1, 1, 1, 1, 1, 1, 1, 1),
        [new OperationResult("send", 100, 1, 10, new Percentiles(9, 9, 9, 9, 60, 60, 60, 60, 9))],
        new ScheduleResult(1000, 30, 5, 96.5, 10, 0.1, 2, 8),
        new Dictionary<string, long>(), new Dictionary<string, long>(), new Dictionary<string, long>(),
        new TrafficResult(0, 0, 0, 0), new GeneratorUsage(10, 1, 0, 0, 0, 0, 0), [], []);

    [Theory]
    [InlineData("p99<50ms", true)]
    [InlineData("p99<0.04s", false)]
    [InlineData("p99.9 <= 90", true)]
    [InlineData("errors<0.1%", false)]
    [InlineData("errors<=2", true)]
    [InlineData("on-time>=95%", true)]
    [InlineData("on-time>=97%", false)]
    [InlineData("rps>=100", true)]
    [InlineData("dropped==0", false)]
    [InlineData("send:p99<50ms", false)]
    [InlineData("send:errors<2%", true)]
    public void Reads_the_metric_it_names(string expression, bool passes) =>
        Assert.Equal(passes, Threshold.Parse(expression).Evaluate(Run).Passed);

    [Fact]
    public void A_baseline_regression_is_a_failed_run()
    {
        var slower = Run with { Total = Run.Total with { Throughput = 70 } };
        var compared = slower with { Baseline = Baseline.Compare(Run, slower, allowedRegressionPercent: 20) };
        Assert.False(compared.Passed);
        Assert.True((Run with { Baseline = Baseline.Compare(Run, Run, 20) }).Passed);
    }

    [Fact]
    public void Unknown_metrics_are_refused() => Assert.Throws<FormatException>(() => Threshold.Parse("latency<5"));
}
