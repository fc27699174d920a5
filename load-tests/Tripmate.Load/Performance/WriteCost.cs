using System.Text;
using Tripmate.Load.Engine;

namespace Tripmate.Load.Performance;

/// <summary>
/// Goal 1: the CPU one synced write costs, summed over every process it touches. The write is item
/// 2's (a member added to a group: identity's request and transaction, its outbox relay, RabbitMQ,
/// and every copy of the membership: messaging's conversation and notification, files', social-graph's,
/// the gateway's cache eviction), at a rate low enough that nothing queues. Each process's CPU is
/// read from /proc from before the first write until every process is quiet again (PostgreSQL's
/// backends included), less what the same process burns idle over as long (sampled just before),
/// divided by the writes.
/// </summary>
public static class WriteCost
{
    public const double GoalMs = 7;

    /// <param name="MsPerWrite">CPU milliseconds per write, by process.</param>
    /// <param name="IdleCores">What each process used idle, in cores, subtracted from its figure.</param>
    public sealed record Result(double Rate, long Writes, double Seconds, IReadOnlyDictionary<string, double> MsPerWrite,
        IReadOnlyDictionary<string, double> IdleCores)
    {
        public double TotalMs => MsPerWrite.Values.Sum();
    }

    public static async Task<PartResult> RunAsync(PerformanceContext context, double rate, double seconds, string dataDirectory)
    {
        var idle = await IdleCoresAsync(context, TimeSpan.FromSeconds(10));
        var m = await EventPropagation.MeasureAsync(context, rate, seconds, untilQuiet: true);
        var perWrite = m.CpuSeconds.ToDictionary(c => c.Key,
            c => Math.Round(Math.Max(0, c.Value - (idle.GetValueOrDefault(c.Key) * m.Seconds)) / Math.Max(1, m.Writes) * 1000, 2));
        var result = new Result(rate, m.Writes, Math.Round(m.Seconds, 1), perWrite, idle);
        ResultFiles.Save(dataDirectory, "write-cost", result);

        var md = new StringBuilder();
        md.AppendLine($"`POST /api/groups/{{id}}/members` through the gateway at {rate:0}/s for {seconds:0} s (plus warm-up): {m.Writes} writes, " +
            $"CPU read over {m.Seconds:0} s, until every process was quiet again, less each process's idle use. " +
            $"Every write was delivered to the member's stream ({m.Lost} not); p99 of that at this rate {m.Propagation.PercentileMs(99):0.0} ms.").AppendLine();
        md.AppendLine("| process | CPU ms per write | share | idle use (cores) |").AppendLine("|---|---:|---:|---:|");
        foreach (var (name, ms) in perWrite.OrderByDescending(p => p.Value))
        {
            md.AppendLine($"| {name} | {ms:0.00} | {ms / Math.Max(0.001, result.TotalMs):0%} | {idle.GetValueOrDefault(name):0.000} |");
        }

        md.AppendLine($"| **total** | **{result.TotalMs:0.00}** | | |");
        md.AppendLine().AppendLine($"So {200:0} writes/s need about {result.TotalMs * 200 / 1000:0.00} cores for the writes alone. " +
            "Where each process spends it (per stage, from profiles): see \"Where a synced write's CPU goes\" below.");
        return new PartResult("write-cost", "Goal 1. CPU per synced write",
            [new Goal("1. CPU per synced write, every process (PostgreSQL's backends included)", $"<= {GoalMs:0} ms",
                $"{result.TotalMs:0.0} ms ({string.Join(", ", perWrite.OrderByDescending(p => p.Value).Where(p => p.Value >= 0.05).Select(p => $"{p.Key} {p.Value:0.0}"))})",
                result.TotalMs <= GoalMs)],
            md.ToString(), [m.Run]);
    }

    /// <summary>Each process's CPU over <paramref name="window"/> with nothing to do, in cores.</summary>
    public static async Task<IReadOnlyDictionary<string, double>> IdleCoresAsync(PerformanceContext context, TimeSpan window)
    {
        var before = context.Processes.Take();
        await Task.Delay(window);
        return ProcessUsage.CpuBetween(before, context.Processes.Take()).ToDictionary(c => c.Key, c => Math.Round(c.Value / window.TotalSeconds, 4));
    }
}
