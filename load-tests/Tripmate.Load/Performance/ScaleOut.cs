using System.Text;
using Tripmate.Load.Reporting;

namespace Tripmate.Load.Performance;

/// <summary>
/// Item 5: the busiest service's own scenario at saturation (16 connections through the gateway),
/// measured once with one instance and once, after `./dev up --scale SERVICE=2`, with two.
/// </summary>
public static class ScaleOut
{
    /// <summary>The services `./dev up --scale` can scale, by their `./dev` name, and each one's own scenario.</summary>
    public static readonly IReadOnlyDictionary<string, string> ScenarioOf = new Dictionary<string, string>
    {
        ["identity"] = "identity", ["messaging"] = "messaging", ["social-graph"] = "graph", ["files"] = "files",
    };

    public static async Task<PartResult> MeasureAsync(PerformanceContext context, string service, int instances)
    {
        var workload = Scenarios.ScenarioCatalog.All[ScenarioOf[service]].Build(context.RequestsAt(context.Gateway));
        var run = await PerformanceContext.RunAsync($"{service}-{instances}-instance", context.Gateway, workload, PerformanceContext.Saturation(12));
        var cpu = context.Processes.Take();
        return new PartResult($"part5-{instances}", $"5. {service} with {instances} instance(s)", [],
            $"{instances}: {run.Total.Throughput:0} req/s, p50 {run.Total.Latency.P50:0.0} ms, p99 {run.Total.Latency.P99:0.0} ms, {run.Total.Errors} errors; processes: {string.Join(", ", cpu.Select(c => $"{c.Name} {c.RssMb:0} MB"))}",
            [run]);
    }

    public static PartResult Compare(string service, PartResult one, PartResult two)
    {
        var (a, b) = (one.Runs[0].Total, two.Runs[0].Total);
        var gain = b.Throughput / a.Throughput;
        var md = new StringBuilder();
        md.AppendLine($"The `{ScenarioOf[service]}` scenario of {service} (busiest service of item 4) through the gateway, 16 connections, saturated.").AppendLine();
        md.AppendLine("| instances | req/s | p50 (ms) | p99 (ms) | errors |").AppendLine("|---:|---:|---:|---:|---:|");
        md.AppendLine($"| 1 | {a.Throughput:0} | {a.Latency.P50:0.0} | {a.Latency.P99:0.0} | {a.Errors} |");
        md.AppendLine($"| 2 | {b.Throughput:0} | {b.Latency.P50:0.0} | {b.Latency.P99:0.0} | {b.Errors} |");
        md.AppendLine().AppendLine($"Two instances give {gain:0.00}x the throughput of one. " +
            "On two cores already saturated by the gateway, the instances, PostgreSQL, RabbitMQ and the generator, a second instance adds " +
            "no CPU, only another process to schedule (and another cache and connection pool to warm): scale-out pays on more cores or machines." +
            (service is "messaging" or "social-graph"
                ? $" {service} here runs on the embedded SQLite store, and both instances share its one file (as `./dev up --scale` sets them up): " +
                  "every write of either instance takes that file's write lock, so two processes contend where one had none. With the " +
                  "production store (Cassandra, Neo4j), instances share nothing but the cluster."
                : ""));
        return new PartResult("part5", "5. Scale-out: one vs two instances",
            [new Goal($"5. {service}: two instances vs one", "measured (no gain expected on 2 cores)", $"{gain:0.00}x ({a.Throughput:0} → {b.Throughput:0} req/s)", null)],
            md.ToString(), [one.Runs[0], two.Runs[0]]);
    }
}
