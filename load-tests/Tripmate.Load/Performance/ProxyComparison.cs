using System.Text;
using Tripmate.Load.Reporting;

namespace Tripmate.Load.Performance;

/// <summary>
/// Item 1: the same uncacheable read (<c>GET /api/users/me</c>) straight at identity, through the
/// gateway and through nginx, in alternating rounds so drift on a shared machine hits all three.
/// Throughput at saturation (16 connections, as wrk was run in the issue), then p50 and p99 at a
/// fixed moderate rate, where the proxy's own cost is not hidden by queueing.
/// </summary>
public static class ProxyComparison
{
    public static async Task<PartResult> RunAsync(PerformanceContext context, double fixedRate, int rounds)
    {
        await using var nginx = await NginxProxy.StartAsync(context.Identity);
        var targets = new (string Name, Uri Url)[] { ("direct", context.Identity), ("gateway", context.Gateway), ("nginx", nginx.BaseAddress) };
        var saturated = targets.ToDictionary(t => t.Name, _ => new List<RunResult>());
        var fixedRuns = targets.ToDictionary(t => t.Name, _ => new List<RunResult>());
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (name, url) in targets)
            {
                var workload = Scenarios.ScenarioCatalog.All["gateway"].Build(context.RequestsAt(url));
                saturated[name].Add(await PerformanceContext.RunAsync($"proxy-saturation-{name}-{round}", url, workload, PerformanceContext.Saturation(8)));
                fixedRuns[name].Add(await PerformanceContext.RunAsync($"proxy-{fixedRate:0}rps-{name}-{round}", url, workload, PerformanceContext.FixedRate(fixedRate, 10)));
            }
        }

        double Rps(string name) => saturated[name].Average(r => r.Total.Throughput);
        double P50(string name) => fixedRuns[name].Average(r => r.Total.Latency.P50);
        double P99(string name) => fixedRuns[name].Average(r => r.Total.Latency.P99);
        var ratio = Rps("gateway") / Rps("nginx");
        var added = P50("gateway") - P50("direct");
        var md = new StringBuilder();
        md.AppendLine($"`GET /api/users/me` (never cached: the whole path every time), {rounds} alternating rounds, means shown.").AppendLine();
        md.AppendLine($"| path | req/s at saturation (16 connections) | p50 at {fixedRate:0}/s (ms) | p99 at {fixedRate:0}/s (ms) | added p50 vs direct (ms) | on time at {fixedRate:0}/s |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, _) in targets)
        {
            md.AppendLine($"| {name} | {Rps(name):0} | {P50(name):0.00} | {P99(name):0.00} | {P50(name) - P50("direct"):+0.00;-0.00;0.00} | {fixedRuns[name].Average(r => r.Schedule.OnTimePercent):0.#}% |");
        }

        md.AppendLine().AppendLine($"Rounds: {string.Join("; ", targets.Select(t => $"{t.Name} {string.Join(", ", saturated[t.Name].Select(r => r.Total.Throughput.ToString("0")))} req/s"))}.");
        return new PartResult("part1", "1. Gateway pass-through vs direct vs nginx",
        [
            new Goal("1. gateway saturated throughput vs nginx", ">= 0.8x", $"{ratio:0.00}x ({Rps("gateway"):0} vs {Rps("nginx"):0} req/s)", ratio >= 0.8),
            new Goal($"1. p50 added by the gateway at {fixedRate:0}/s", "<= 0.5 ms", $"{added:+0.00;-0.00} ms (nginx: {P50("nginx") - P50("direct"):+0.00;-0.00} ms)", added <= 0.5),
        ], md.ToString(), [.. saturated.Values.Select(r => r[^1]), .. fixedRuns.Values.Select(r => r[^1])]);
    }
}
