using System.Text;

using Tripmate.Load.Engine;

namespace Tripmate.Load.Performance;

/// <summary>
/// Goal 5: what 1, 2 and 3 instances of a service hold when each is capped at the same fraction of
/// a core (`./dev up --scale S=N --cpus C`, run by `./dev perf` before each measurement), so the
/// machine's two cores are not the limit and an added instance adds capacity as a machine would.
/// Capacity is the highest arrival rate (open model) held at the same p99 for every N: p99 under
/// <see cref="P99BoundMs"/>, no errors, at least 95% started on time. It is found by a short
/// saturation run (closed model) for an estimate, then open-model steps around it. Every request
/// enters through a gateway; when the gateway is the service scaled, the load is spread over its
/// instances as a balancer in front of them would.
/// </summary>
public static class ScaleOut
{
    public const double P99BoundMs = 100;

    /// <summary>
    /// Each service's workload, by its `./dev` name: requests the capped service itself must answer.
    /// The gateway's is a cached profile (the gateway answers from Redis; no upstream to saturate),
    /// identity's its own account (never cached, so every request reaches identity).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ScenarioOf = new Dictionary<string, string>
    {
        ["gateway"] = "cache-hit", ["identity"] = "gateway", ["files"] = "files", ["messaging"] = "messaging", ["social-graph"] = "graph",
    };

    public sealed record Step(double Rate, double Achieved, double P50Ms, double P99Ms, long Errors, double OnTimePercent, bool Held);

    /// <param name="Held">The highest rate held (0 when none was).</param>
    public sealed record Capacity(string Service, string Scenario, int Instances, double Cpus, double SaturatedThroughput, double Held,
        IReadOnlyList<Step> Steps, IReadOnlyDictionary<string, double> CpuSeconds);

    /// <param name="entries">
    /// Where clients enter: the gateway, or each gateway instance when the gateway itself is scaled
    /// (iteration i goes to entry i mod n, as a round-robin balancer in front of them would send it).
    /// </param>
    public static async Task<Capacity> MeasureAsync(PerformanceContext context, string service, int instances, double cpus, IReadOnlyList<Uri> entries)
    {
        var scenario = ScenarioOf[service];
        Workload Build()
        {
            var perEntry = entries.Select(e => Scenarios.ScenarioCatalog.All[scenario].Build(context.RequestsAt(e))).ToList();
            return new Workload(scenario, perEntry[0].Operations.Select((o, k) => new Operation(o.Name, o.Weight,
                (i, ct) => perEntry[(int)(i % perEntry.Count)].Operations[k].Run(i, ct))).ToList());
        }

        var saturated = await PerformanceContext.RunAsync($"{service}-{instances}x-saturation", context.Gateway, Build(), PerformanceContext.Saturation(6));
        var steps = new List<Step>();
        var before = context.Processes.Take();
        var rate = Math.Max(5, Math.Round(saturated.Total.Throughput * 0.7 / 5) * 5);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var run = await PerformanceContext.RunAsync($"{service}-{instances}x-{rate:0}rps", context.Gateway, Build(), PerformanceContext.FixedRate(rate, 6, warmUp: 2));
            var held = run.Total.Latency.P99 < P99BoundMs && run.Total.Errors == 0 && run.Schedule.OnTimePercent >= 95;
            steps.Add(new Step(rate, Math.Round(run.Total.Throughput, 1), run.Total.Latency.P50, run.Total.Latency.P99, run.Total.Errors, run.Schedule.OnTimePercent, held));
            // Up by a fifth while held, down by a fifth below the lowest miss; stop once a held rate sits under a missed one.
            var lowestMiss = steps.Where(s => !s.Held).Select(s => s.Rate).DefaultIfEmpty(double.MaxValue).Min();
            var highestHeld = steps.Where(s => s.Held).Select(s => s.Rate).DefaultIfEmpty(0).Max();
            if (highestHeld > 0 && lowestMiss < double.MaxValue && lowestMiss <= highestHeld * 1.25)
            {
                break;
            }

            rate = Math.Max(5, Math.Round((held ? rate * 1.2 : rate * 0.8) / 5) * 5);
        }

        var cpu = ProcessUsage.CpuBetween(before, context.Processes.Take());
        return new Capacity(service, scenario, instances, cpus, Math.Round(saturated.Total.Throughput, 1),
            steps.Where(s => s.Held).Select(s => s.Achieved).DefaultIfEmpty(0).Max(), steps, cpu);
    }

    public static PartResult Report(IReadOnlyList<Capacity> capacities)
    {
        var md = new StringBuilder();
        var goals = new List<Goal>();
        md.AppendLine($"Each instance capped at {capacities.FirstOrDefault()?.Cpus ?? 0.3} core (`./dev up --scale S=N --cpus C`: a cgroup CPU quota and `DOTNET_PROCESSOR_COUNT`); " +
            $"everything else uncapped. Capacity: the highest rate held with p99 < {P99BoundMs:0} ms, no errors and >= 95% on time (open model, 6 s per step after 2 s warm-up, at most 3 steps), " +
            "after a 6 s saturation run (16 connections) for an estimate.").AppendLine();
        md.AppendLine("| service | workload | instances | saturated req/s | held req/s (p99 < 100 ms) | vs one | steps (rate: p99 ms) |").AppendLine("|---|---|---:|---:|---:|---:|---|");
        foreach (var service in capacities.GroupBy(c => c.Service))
        {
            var one = service.FirstOrDefault(c => c.Instances == 1)?.Held ?? 0;
            foreach (var c in service.OrderBy(c => c.Instances))
            {
                md.AppendLine($"| {c.Service} | `{c.Scenario}` | {c.Instances} | {c.SaturatedThroughput:0} | {c.Held:0} | {(one > 0 ? $"{c.Held / one:0.00}x" : "-")} | " +
                    $"{string.Join(", ", c.Steps.Select(s => $"{s.Rate:0}: {s.P99Ms:0}{(s.Held ? "" : " ✗")}"))} |");
            }

            var two = service.FirstOrDefault(c => c.Instances == 2)?.Held ?? 0;
            var three = service.FirstOrDefault(c => c.Instances == 3)?.Held ?? 0;
            var embedded = service.Key is "messaging" or "social-graph";
            goals.Add(new Goal($"5. {service.Key}: 2 and 3 capped instances vs 1", embedded ? "measured (embedded store)" : ">= 1.8x and >= 2.5x",
                one > 0 ? $"{two / one:0.00}x and {three / one:0.00}x ({one:0} → {two:0} → {three:0} req/s)" : "one instance held no rate",
                embedded ? null : one > 0 && two / one >= 1.8 && three / one >= 2.5));
        }

        md.AppendLine().AppendLine(File.Exists(Analysis) ? File.ReadAllText(Analysis).TrimEnd() : "");
        return new PartResult("scale-out", "Goal 5. Scale-out with capped instances", goals, md.ToString(), []);
    }

    private static string Analysis => Path.Combine(AppContext.BaseDirectory, "Performance", "scale-out.md");
}
