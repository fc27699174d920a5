using System.Text;
using Tripmate.Load.Reporting;

namespace Tripmate.Load.Performance;

/// <summary>
/// Item 2: public profile reads the gateway's Redis cache answers (HIT) against the same reads with a
/// new query string each (every one a MISS: looked up, forwarded, stored), saturated, alternating.
/// </summary>
public static class CacheComparison
{
    public static async Task<PartResult> RunAsync(PerformanceContext context, int rounds)
    {
        var runs = new Dictionary<string, List<RunResult>> { ["cache-hit"] = [], ["cache-miss"] = [] };
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var name in runs.Keys)
            {
                var workload = Scenarios.ScenarioCatalog.All[name].Build(context.RequestsAt(context.Gateway));
                runs[name].Add(await PerformanceContext.RunAsync($"{name}-{round}", context.Gateway, workload, PerformanceContext.Saturation(8)));
            }
        }

        double Rps(string name) => runs[name].Average(r => r.Total.Throughput);
        var ratio = Rps("cache-hit") / Rps("cache-miss");
        var md = new StringBuilder();
        md.AppendLine($"`GET /api/users/{{id}}` through the gateway, 16 connections, {rounds} alternating rounds.").AppendLine();
        md.AppendLine("| reads | req/s | p50 (ms) | p99 (ms) | errors |").AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (name, list) in runs)
        {
            md.AppendLine($"| {name} | {Rps(name):0} | {list.Average(r => r.Total.Latency.P50):0.00} | {list.Average(r => r.Total.Latency.P99):0.00} | {list.Sum(r => r.Total.Errors)} |");
        }

        return new PartResult("cache", "Cached GET (Redis hit) vs uncached",
            [new Goal("cache hit throughput vs miss", ">= 3x", $"{ratio:0.00}x ({Rps("cache-hit"):0} vs {Rps("cache-miss"):0} req/s)", ratio >= 3)],
            md.ToString(), runs.Values.Select(r => r[^1]).ToList());
    }
}
