using System.Text;
using Tripmate.Load.Reporting;

namespace Tripmate.Load.Performance;

/// <summary>
/// Item 1: the same uncacheable read (<c>GET /api/users/me</c>) straight at identity, through the
/// gateway and through nginx, in alternating rounds so drift on a shared machine hits all three.
/// Throughput at saturation (16 connections, as wrk was run in the issue), then p50 and p99 at a
/// fixed moderate rate, where the proxy's own cost is not hidden by queueing: the requested rate,
/// or 40% of the lowest saturated throughput of the first round if that is lower (a shared machine's
/// capacity varies, and a rate near saturation would measure queueing instead).
/// </summary>
public static class ProxyComparison
{
    public const double GoalRatio = 0.85;
    public const double GoalAddedMs = 0.3;

    public static async Task<PartResult> RunAsync(PerformanceContext context, double requestedRate, int rounds)
    {
        await using var nginx = await NginxProxy.StartAsync(context.Identity);
        var targets = new (string Name, Uri Url)[] { ("direct", context.Identity), ("gateway", context.Gateway), ("nginx", nginx.BaseAddress) };
        var saturated = targets.ToDictionary(t => t.Name, _ => new List<RunResult>());
        // CPU per request is what decides throughput when every process shares two cores, and unlike
        // latency it hardly moves with what else runs on the machine: the proxies' own cost, measured.
        var cpuPerRequest = targets.ToDictionary(t => t.Name, _ => new List<(double Proxy, double Identity)>());
        var fixedRuns = targets.ToDictionary(t => t.Name, _ => new List<RunResult>());
        var fixedRate = requestedRate;
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (name, url) in targets)
            {
                var workload = Scenarios.ScenarioCatalog.All["gateway"].Build(context.RequestsAt(url));
                var before = (Proxy: ProxyCpu(context, nginx, name), Identity: ServiceCpu(context, "identity"));
                var run = await PerformanceContext.RunAsync($"proxy-saturation-{name}-{round}", url, workload, PerformanceContext.Saturation(8));
                var requests = Math.Max(1, run.Total.Count + run.Total.Throughput * run.Info.WarmUpSeconds);
                cpuPerRequest[name].Add(((ProxyCpu(context, nginx, name) - before.Proxy) / requests * 1e6, (ServiceCpu(context, "identity") - before.Identity) / requests * 1e6));
                saturated[name].Add(run);
            }

            if (round == 1)
            {
                fixedRate = Math.Min(requestedRate, Math.Round(0.4 * saturated.Values.Min(r => r[0].Total.Throughput) / 10) * 10);
            }

            foreach (var (name, url) in targets)
            {
                var workload = Scenarios.ScenarioCatalog.All["gateway"].Build(context.RequestsAt(url));
                fixedRuns[name].Add(await PerformanceContext.RunAsync($"proxy-{fixedRate:0}rps-{name}-{round}", url, workload, PerformanceContext.FixedRate(fixedRate, 10)));
            }
        }

        double Rps(string name) => saturated[name].Average(r => r.Total.Throughput);
        double P50(string name) => fixedRuns[name].Average(r => r.Total.Latency.P50);
        double P99(string name) => fixedRuns[name].Average(r => r.Total.Latency.P99);
        var ratio = Rps("gateway") / Rps("nginx");
        var added = P50("gateway") - P50("direct");
        var md = new StringBuilder();
        md.AppendLine($"`GET /api/users/me` (never cached: the whole path every time), {rounds} alternating rounds, means shown; " +
                      $"fixed rate {fixedRate:0}/s ({(fixedRate < requestedRate ? $"40% of the lowest saturated throughput, below the {requestedRate:0}/s asked" : "as asked")}).").AppendLine();
        md.AppendLine($"| path | req/s at saturation (16 connections) | proxy CPU µs/request | identity CPU µs/request | p50 at {fixedRate:0}/s (ms) | p99 at {fixedRate:0}/s (ms) | added p50 vs direct (ms) | on time at {fixedRate:0}/s |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, _) in targets)
        {
            md.AppendLine($"| {name} | {Rps(name):0} | {(name == "direct" ? "-" : cpuPerRequest[name].Average(c => c.Proxy).ToString("0"))} | {cpuPerRequest[name].Average(c => c.Identity):0} | " +
                          $"{P50(name):0.00} | {P99(name):0.00} | {P50(name) - P50("direct"):+0.00;-0.00;0.00} | {fixedRuns[name].Average(r => r.Schedule.OnTimePercent):0.#}% |");
        }

        md.AppendLine().AppendLine($"Rounds: {string.Join("; ", targets.Select(t => $"{t.Name} {string.Join(", ", saturated[t.Name].Select(r => r.Total.Throughput.ToString("0")))} req/s"))}.");
        return new PartResult("proxy", "Goal 4. Gateway pass-through vs direct vs nginx",
        [
            new Goal("4. gateway saturated throughput vs nginx", $">= {GoalRatio}x", $"{ratio:0.00}x ({Rps("gateway"):0} vs {Rps("nginx"):0} req/s)", ratio >= GoalRatio),
            new Goal("4. proxy CPU per request, gateway vs nginx", "measured", $"{cpuPerRequest["gateway"].Average(c => c.Proxy):0} vs {cpuPerRequest["nginx"].Average(c => c.Proxy):0} µs", null),
            new Goal($"4. p50 added by the gateway at {fixedRate:0}/s", $"<= +{GoalAddedMs} ms", $"{added:+0.00;-0.00} ms (nginx: {P50("nginx") - P50("direct"):+0.00;-0.00} ms)", added <= GoalAddedMs),
        ], md.ToString(), [.. saturated.Values.Select(r => r[^1]), .. fixedRuns.Values.Select(r => r[^1])]);
    }

    private static double ProxyCpu(PerformanceContext context, NginxProxy nginx, string target) => target switch
    {
        "gateway" => ServiceCpu(context, "gateway"),
        "nginx" => nginx.CpuSeconds(),
        _ => 0,
    };

    private static double ServiceCpu(PerformanceContext context, string name) =>
        context.Processes.Take().FirstOrDefault(p => p.Name == name)?.CpuSeconds ?? 0;
}
