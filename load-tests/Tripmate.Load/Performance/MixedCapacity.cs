using System.Text;
using Tripmate.Load.Reporting;

namespace Tripmate.Load.Performance;

/// <summary>
/// Item 4: the mixed workload at rising arrival rates, each a fresh open-model run, until one misses
/// the criteria (p99 under 100 ms, no errors, at least 95% started on time). Records each process's
/// memory at the end of each step and its CPU during it.
/// </summary>
public static class MixedCapacity
{
    public sealed record Step(double Rate, RunResult Run, IReadOnlyList<ProcessUsage.Sample> Memory, IReadOnlyDictionary<string, double> CpuSeconds)
    {
        public bool Held => Run.Total.Latency.P99 < 100 && Run.Total.Errors == 0 && Run.Schedule.OnTimePercent >= 95;
    }

    /// <summary>One rate's latency, for docs/performance/mixed.json.</summary>
    public sealed record Point(double OfferedRate, double Achieved, double P50Ms, double P90Ms, double P99Ms, double MaxMs, long Errors, double OnTimePercent, bool Held);

    public static async Task<PartResult> RunAsync(PerformanceContext context, IReadOnlyList<double> rates, double seconds, string dataDirectory)
    {
        var steps = new List<Step>();
        foreach (var rate in rates)
        {
            var workload = Scenarios.ScenarioCatalog.All["mixed"].Build(context.RequestsAt(context.Gateway));
            var before = context.Processes.Take();
            var run = await PerformanceContext.RunAsync($"mixed-{rate:0}rps", context.Gateway, workload, PerformanceContext.FixedRate(rate, seconds, warmUp: 5));
            var after = context.Processes.Take();
            steps.Add(new Step(rate, run, after, ProcessUsage.CpuBetween(before, after)));
            if (!steps[^1].Held)
            {
                break;
            }
        }

        var held = steps.LastOrDefault(s => s.Held);
        var reference = held ?? steps[0];
        ResultFiles.Save(dataDirectory, "mixed", steps.Select(s => new Point(s.Rate, Math.Round(s.Run.Total.Throughput, 1), s.Run.Total.Latency.P50,
            s.Run.Total.Latency.P90, s.Run.Total.Latency.P99, s.Run.Total.Latency.Max, s.Run.Total.Errors, s.Run.Schedule.OnTimePercent, s.Held)).ToList());
        var md = new StringBuilder();
        md.AppendLine($"Mixed workload (proportions in load-tests/README.md), open model, {seconds:0} s per rate after 5 s warm-up; a rate is held with p99 < 100 ms, no errors and >= 95% on time.").AppendLine();
        md.AppendLine("| rate (/s) | achieved | p50 | p90 | p99 | max (ms) | errors | on time | held | CPU s per process |").AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var s in steps)
        {
            var l = s.Run.Total.Latency;
            md.AppendLine($"| {s.Rate:0} | {s.Run.Total.Throughput:0.#} | {l.P50:0.0} | {l.P90:0.0} | {l.P99:0.0} | {l.Max:0} | {s.Run.Total.Errors} | {s.Run.Schedule.OnTimePercent:0.#}% | {(s.Held ? "yes" : "no")} | {string.Join(", ", s.CpuSeconds.Where(c => c.Value > 0.05).Select(c => $"{c.Key} {c.Value:0.#}"))} |");
        }

        md.AppendLine().AppendLine($"Memory (RSS) at {reference.Rate:0}/s: {string.Join(", ", reference.Memory.Select(m => $"{m.Name} {m.RssMb:0} MB"))} (PostgreSQL: the postmaster only).");
        return new PartResult("mixed", "Mixed workload capacity",
            [new Goal("highest mixed rate held (p99 < 100 ms, no errors, >= 95% on time)", "measured", held is null ? $"none of the rates tried (lowest {steps[0].Rate:0}/s: p99 {steps[0].Run.Total.Latency.P99:0} ms)" : $"{held.Rate:0}/s (p99 {held.Run.Total.Latency.P99:0.0} ms)", null)],
            md.ToString(), steps.Select(s => s.Run).ToList());
    }
}
