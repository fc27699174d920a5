using System.Globalization;
using Tripmate.Load.Commands;
using Tripmate.Load.Http;
using Tripmate.Load.Scenarios;

namespace Tripmate.Load.Performance;

/// <summary>
/// <c>performance --stage measure|scaled|report [--work DIR] [--doc FILE]</c>: the steps `./dev perf`
/// runs (measure, then scale the busiest service to two instances, then scaled, then report).
/// Each stage saves its parts as JSON in the work directory; report writes docs/performance.md and
/// docs/performance.html from them. Options: <c>--parts 1,2,3,4</c>, <c>--proxy-rate 300</c>,
/// <c>--event-rate 200</c>, <c>--mixed-rates 10,25,50,100,150,200,300,400</c>, <c>--rounds 2</c>.
/// </summary>
public static class PerformanceCommand
{
    public static async Task<int> RunAsync(CommandLine line)
    {
        var work = line.Text("--work", Path.Combine(Defaults.RepositoryRoot, ".data", "up", "perf"));
        var stage = line.Text("--stage", "measure");
        if (stage == "report")
        {
            var doc = line.Text("--doc", Path.Combine(Defaults.RepositoryRoot, "docs", "performance.md"));
            PerformanceDocument.Write(work, doc);
            Console.WriteLine($"Wrote {doc} and {Path.ChangeExtension(doc, ".html")}");
            return 0;
        }

        var gateway = new Uri(line.Text("--url", Defaults.GatewayUrl));
        using var signIn = LoadHttp.CreateClient(gateway);
        var feed = await ScenarioFeed.LoadAsync(signIn, line.Text("--state", Defaults.SeedState), line.Int("--sign-in", 32));
        using var context = new PerformanceContext(gateway, new Uri(line.Text("--identity-url", Defaults.IdentityUrl)), feed,
            new ProcessUsage(Path.Combine(Defaults.RepositoryRoot, ".data", "up")));
        var rounds = line.Int("--rounds", 2);
        Directory.CreateDirectory(work);
        File.AppendAllText(Path.Combine(work, "load.txt"), $"{stage} {DateTimeOffset.UtcNow:u} load average {File.ReadAllText("/proc/loadavg").Trim()}\n");
        if (stage == "scaled")
        {
            var service = File.ReadAllText(Path.Combine(work, "busiest.txt")).Trim();
            await context.SettleAsync(TimeSpan.FromSeconds(line.Number("--settle", 120)));
            (await ScaleOut.MeasureAsync(context, service, instances: 2)).Save(work);
            return 0;
        }

        var parts = line.Text("--parts", "1,2,3,4").Split(',');
        var settle = TimeSpan.FromSeconds(line.Number("--settle", 120));
        await context.SettleAsync(settle);
        if (parts.Contains("1"))
        {
            Console.WriteLine("1. gateway vs direct vs nginx");
            (await ProxyComparison.RunAsync(context, line.Number("--proxy-rate", 300), rounds)).Save(work);
        }

        if (parts.Contains("2"))
        {
            Console.WriteLine("2. cache hit vs miss");
            (await CacheComparison.RunAsync(context, rounds)).Save(work);
        }

        if (parts.Contains("3"))
        {
            Console.WriteLine("3. event propagation");
            await context.SettleAsync(settle);
            (await EventPropagation.RunAsync(context, line.Number("--event-rate", 200), line.Number("--event-low-rate", 50), 15)).Save(work);
        }

        if (parts.Contains("4"))
        {
            Console.WriteLine("4. mixed workload capacity");
            await context.SettleAsync(settle);
            var rates = line.Text("--mixed-rates", "10,25,50,100,150,200,300,400").Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToList();
            var (part, busiest) = await MixedCapacity.RunAsync(context, rates, 15);
            part.Save(work);
            File.WriteAllText(Path.Combine(work, "busiest.txt"), busiest);
            Console.WriteLine($"5. {busiest} with one instance");
            (await ScaleOut.MeasureAsync(context, busiest, instances: 1)).Save(work);
        }

        return 0;
    }
}
