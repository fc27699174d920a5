using System.Text;

namespace Tripmate.Load.Performance;

/// <summary>
/// Goal 3: what each .NET service holds while nobody uses it, after the seeding and a warm-up (the
/// mixed workload at a moderate rate, so every service has served, consumed and published): its
/// memory (RSS) at the end, and its CPU over a minute of nothing to do. A service burning CPU idle
/// has a loop polling for work (a relay, a sweep, a health check, the bus).
/// </summary>
public static class IdleFootprint
{
    public const double GoalMb = 80;
    public const double GoalCorePercent = 0.5;

    /// <summary>The services of this repository, by their `./dev` name (the servers are shown beside them, without a goal).</summary>
    public static readonly string[] Services = ["gateway", "identity", "messaging", "social-graph", "files"];

    public sealed record Footprint(string Process, double RssMb, double CorePercent, bool IsService);

    public static async Task<PartResult> RunAsync(PerformanceContext context, TimeSpan window, string dataDirectory)
    {
        var workload = Scenarios.ScenarioCatalog.All["mixed"].Build(context.RequestsAt(context.Gateway));
        var warmUp = await PerformanceContext.RunAsync("idle-warm-up", context.Gateway, workload, PerformanceContext.FixedRate(25, 20, warmUp: 0));
        await context.SettleAsync(TimeSpan.FromMinutes(2));
        Console.WriteLine($"  idle for {window.TotalSeconds:0} s");
        var before = context.Processes.Take();
        await Task.Delay(window);
        var after = context.Processes.Take();
        var cpu = ProcessUsage.CpuBetween(before, after);
        var footprints = after.Select(s => new Footprint(s.Name, s.RssMb, Math.Round(cpu.GetValueOrDefault(s.Name) / window.TotalSeconds * 100, 3), Services.Contains(s.Name)))
            .OrderByDescending(f => f.IsService).ThenBy(f => f.Process).ToList();
        ResultFiles.Save(dataDirectory, "idle-footprint", footprints);

        var md = new StringBuilder();
        md.AppendLine($"After the seeding and a warm-up (`mixed` at 25/s for 20 s: {warmUp.Total.Count} requests, {warmUp.Total.Errors} errors), once quiet: " +
            $"each process's memory (RSS) and its CPU over {window.TotalSeconds:0} s with nothing to do. Goal per .NET service: under {GoalMb:0} MB and under {GoalCorePercent}% of a core.").AppendLine();
        md.AppendLine("| process | RSS (MB) | CPU idle (% of a core) | goal |").AppendLine("|---|---:|---:|---|");
        foreach (var f in footprints)
        {
            md.AppendLine($"| {f.Process} | {f.RssMb:0} | {f.CorePercent:0.00} | {(f.IsService ? (Met(f) ? "met" : "**not met**") : "server, no goal")} |");
        }

        var services = footprints.Where(f => f.IsService).ToList();
        return new PartResult("idle", "Goal 3. Idle footprint",
        [
            new Goal($"3. RSS of each .NET service after seeding and a warm-up", $"< {GoalMb:0} MB each",
                string.Join(", ", services.Select(f => $"{f.Process} {f.RssMb:0}")), services.Count > 0 && services.All(f => f.RssMb < GoalMb)),
            new Goal($"3. CPU of each .NET service idle over {window.TotalSeconds:0} s", $"< {GoalCorePercent}% of a core each",
                string.Join(", ", services.Select(f => $"{f.Process} {f.CorePercent:0.00}%")), services.Count > 0 && services.All(f => f.CorePercent < GoalCorePercent)),
        ], md.ToString(), [warmUp]);
    }

    private static bool Met(Footprint f) => f.RssMb < GoalMb && f.CorePercent < GoalCorePercent;
}
