using System.Diagnostics;
using Tripmate.Load.Engine;

namespace Tripmate.Load.Reporting;

/// <summary>Turns what a run recorded into its <see cref="RunResult"/>.</summary>
public static class RunResultBuilder
{
    private static readonly double[] SpectrumPercentiles =
        [0, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 93, 95, 97, 98, 99, 99.5, 99.7, 99.9, 99.95, 99.99, 99.995, 99.999, 100];

    public static RunResult Build(string scenario, LoadModel model, string target, DateTimeOffset started,
        RunMetrics metrics, GeneratorUsage generator, IReadOnlyDictionary<int, double> generatorCpuBySecond)
    {
        // Completions of measured iterations may outlast the window (a stalled server): throughput
        // is over the longer of the two, so a backlog served late does not inflate it.
        var span = Math.Max(model.Measured.TotalSeconds,
            metrics.LastCompletion == 0 ? 0 : (metrics.LastCompletion - metrics.MeasureStart) / (double)Stopwatch.Frequency);
        span = Math.Max(span, 1e-9);
        var total = new OperationResult("all", metrics.Completed, metrics.Errors, Round(metrics.Completed / span), Percentiles.Of(metrics.Latency));
        var operations = metrics.Operations
            .Select(o => new OperationResult(o.Name, o.Count, o.Errors, Round(o.Count / span), Percentiles.Of(o.Latency)))
            .ToList();
        var attempted = metrics.Started + metrics.Dropped;
        var schedule = new ScheduleResult(metrics.Started, metrics.Late, metrics.Dropped,
            attempted == 0 ? 100 : Round(100.0 * (metrics.Started - metrics.Late) / attempted),
            metrics.LateAfter.TotalMilliseconds, Percentiles.Round(metrics.ScheduleLag.PercentileMs(50)),
            Percentiles.Round(metrics.ScheduleLag.PercentileMs(99)), Percentiles.Round(metrics.ScheduleLag.MaxMs()));
        var timeline = metrics.Intervals().Select(i => new TimelinePoint(i.Second, i.Count, i.Errors, i.Dropped,
            Percentiles.Round(i.Latency.PercentileMs(50)), Percentiles.Round(i.Latency.PercentileMs(90)),
            Percentiles.Round(i.Latency.PercentileMs(99)), Percentiles.Round(i.Latency.MaxMs()),
            Round(generatorCpuBySecond.GetValueOrDefault(i.Second)))).ToList();
        var distribution = SpectrumPercentiles
            .Select(p => new DistributionPoint(p, Percentiles.Round(metrics.Latency.PercentileMs(p))))
            .ToList();
        return new RunResult(
            new RunInfo(scenario, model.Describe(), target, started, Round(model.Measured.TotalSeconds), Round(model.WarmUp.TotalSeconds), MachineInfo.Current()),
            total,
            Percentiles.Of(metrics.ServiceTime),
            operations,
            schedule,
            metrics.ErrorStatuses.ToDictionary(p => p.Key.ToString(), p => p.Value),
            new Dictionary<string, long>(metrics.Exceptions),
            metrics.Statuses.ToDictionary(p => p.Key.ToString(), p => p.Value),
            new TrafficResult(metrics.BytesIn, metrics.BytesOut, Round(metrics.BytesIn / span), Round(metrics.BytesOut / span)),
            generator,
            timeline,
            distribution);
    }

    private static double Round(double value) => Math.Round(value, 2);
}
