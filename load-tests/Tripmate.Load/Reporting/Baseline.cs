using System.Text.Json;

namespace Tripmate.Load.Reporting;

/// <summary>
/// Compares a run with a saved one (its JSON report), operation by operation. A regression is
/// throughput lower, or p99 higher, by more than the allowed share (and p99 by more than 1 ms,
/// so sub-millisecond jitter on a shared machine is not one).
/// </summary>
public static class Baseline
{
    public static RunResult Load(string path) =>
        JsonSerializer.Deserialize<RunResult>(File.ReadAllText(path), JsonReport.Options)
        ?? throw new InvalidDataException($"{path} is not a run report.");

    public static IReadOnlyList<BaselineDelta> Compare(RunResult baseline, RunResult run, double allowedRegressionPercent)
    {
        var allowed = allowedRegressionPercent / 100;
        return new[] { run.Total }.Concat(run.Operations).Select(current =>
        {
            var before = current.Name == "all" ? baseline.Total : baseline.Operations.FirstOrDefault(o => o.Name == current.Name);
            if (before is null)
            {
                return null;
            }

            var slower = current.Throughput < before.Throughput * (1 - allowed);
            var laggier = current.Latency.P99 > before.Latency.P99 * (1 + allowed) && current.Latency.P99 - before.Latency.P99 > 1;
            return new BaselineDelta(current.Name, before.Throughput, current.Throughput, before.Latency.P50, current.Latency.P50,
                before.Latency.P99, current.Latency.P99, slower || laggier);
        }).OfType<BaselineDelta>().ToList();
    }
}
