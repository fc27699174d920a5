using System.Globalization;
using System.Text;

namespace Tripmate.Load.Reporting;

/// <summary>A run as Markdown: what ran where, latency percentiles, schedule keeping, errors, generator load, thresholds.</summary>
public static class MarkdownReport
{
    public static string Render(RunResult run)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Load run: {run.Info.Scenario}").AppendLine();
        AppendRun(md, run);
        return md.ToString();
    }

    public static void AppendRun(StringBuilder md, RunResult run)
    {
        var info = run.Info;
        md.AppendLine($"- target: `{info.Target}`; {info.Model}");
        md.AppendLine($"- started {info.StartedUtc:yyyy-MM-dd HH:mm:ss} UTC on {info.Machine.Host} ({info.Machine.Cores} cores, {info.Machine.Os}, {info.Machine.Runtime})");
        md.AppendLine($"- latency is measured from each iteration's intended start; service time (from the actual start) p50 {F(run.ServiceTime.P50)} ms, p99 {F(run.ServiceTime.P99)} ms").AppendLine();
        md.AppendLine(LatencyTable([run.Total, .. run.Operations])).AppendLine();
        var s = run.Schedule;
        md.AppendLine($"**Schedule**: {s.Started} started, {s.OnTimePercent:0.##}% on time (within {s.LateAfterMs:0.#} ms), {s.Late} late, {s.Dropped} dropped; " +
                      $"lag p50 {F(s.LagP50)} ms, p99 {F(s.LagP99)} ms, max {F(s.LagMax)} ms.").AppendLine();
        md.AppendLine($"**Errors by status**: {Counts(run.ErrorsByStatus)}; **by exception**: {Counts(run.ErrorsByException)}; all statuses: {Counts(run.Statuses)}.").AppendLine();
        md.AppendLine($"**Traffic** (bodies): {run.Traffic.BytesIn / 1048576.0:0.##} MB in ({run.Traffic.InPerSecond / 1024:0.#} KB/s), {run.Traffic.BytesOut / 1048576.0:0.##} MB out ({run.Traffic.OutPerSecond / 1024:0.#} KB/s).").AppendLine();
        var g = run.Generator;
        md.AppendLine($"**Generator**: {g.CpuPercentOfMachine:0.#}% of the machine's CPU ({g.CpuSeconds:0.##} CPU s), GC {g.Gen0}/{g.Gen1}/{g.Gen2} (gen0/1/2), " +
                      $"pauses {g.GcPauseMs:0.#} ms, {g.AllocatedMb:0.#} MB allocated{(g.Overloaded ? " — **overloaded: the numbers include the generator's own queueing**" : "")}.").AppendLine();
        if (run.Thresholds.Count > 0)
        {
            md.AppendLine("| threshold | actual | result |").AppendLine("|---|---:|---|");
            foreach (var t in run.Thresholds)
            {
                md.AppendLine($"| `{t.Expression}` | {F(t.Actual)} | {(t.Passed ? "pass" : "**FAIL**")} |");
            }

            md.AppendLine();
        }

        if (run.Baseline.Count > 0)
        {
            md.AppendLine("| vs baseline | req/s before | now | p50 before | now | p99 before | now | |").AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
            foreach (var b in run.Baseline)
            {
                md.AppendLine($"| {b.Operation} | {F(b.BaselineThroughput)} | {F(b.Throughput)} | {F(b.BaselineP50)} | {F(b.P50)} | {F(b.BaselineP99)} | {F(b.P99)} | {(b.Regressed ? "**regressed**" : "ok")} |");
            }

            md.AppendLine();
        }
    }

    public static string LatencyTable(IEnumerable<OperationResult> rows)
    {
        var md = new StringBuilder();
        md.AppendLine("| operation | count | errors | req/s | p50 | p75 | p90 | p95 | p99 | p99.9 | p99.99 | max (ms) |");
        md.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            var l = r.Latency;
            md.AppendLine().Append($"| {r.Name} | {r.Count} | {r.Errors} | {F(r.Throughput)} | {F(l.P50)} | {F(l.P75)} | {F(l.P90)} | {F(l.P95)} | {F(l.P99)} | {F(l.P999)} | {F(l.P9999)} | {F(l.Max)} |");
        }

        return md.ToString();
    }

    public static string F(double value) => value.ToString(value >= 100 ? "0" : value >= 10 ? "0.#" : "0.##", CultureInfo.InvariantCulture);

    private static string Counts(IReadOnlyDictionary<string, long> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key}: {c.Value}"));
}
