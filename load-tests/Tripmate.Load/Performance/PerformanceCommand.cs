using System.Globalization;
using Tripmate.Load.Commands;
using Tripmate.Load.Http;
using Tripmate.Load.Scenarios;

namespace Tripmate.Load.Performance;

/// <summary>
/// <c>performance --item NAME [options]</c>: one item of docs/performance.md against `./dev up`, in a
/// process of its own (`./dev perf` runs each in turn, once the machine is quiet), saving its part
/// to the work directory and its raw results to docs/performance/; <c>performance --report</c>
/// writes docs/performance.md from the parts. Each item also runs alone (its figure printed):
/// <list type="bullet">
/// <item><c>write-cost [--rate 20 --duration 20]</c>: goal 1, CPU per synced write;</item>
/// <item><c>propagation [--event-rate 200 --event-low-rate 50]</c>: goal 2;</item>
/// <item><c>idle [--idle-seconds 60]</c>: goal 3, each service's memory and CPU idle;</item>
/// <item><c>proxy [--proxy-rate 300 --rounds 2]</c>: goal 4, the gateway vs nginx;</item>
/// <item><c>cache</c>, <c>mixed [--mixed-rates 10,25,...]</c>: measured, no goal;</item>
/// <item><c>scale --service S --instances N --cpus C [--entries URL,URL]</c>: goal 5, one configuration that
/// `./dev up --scale S=N --cpus C` started (entries: the gateway instances to spread the load over);</item>
/// <item><c>growth [--measures message-page,file-list,suggestions]</c>: goal 6, over what `./dev seed --growth` seeded.</item>
/// </list>
/// </summary>
public static class PerformanceCommand
{
    public static async Task<int> RunAsync(CommandLine line)
    {
        var work = line.Text("--work", Path.Combine(Defaults.RepositoryRoot, ".data", "up", "perf"));
        var data = line.Text("--data", Path.Combine(Defaults.RepositoryRoot, "docs", "performance"));
        if (line.Flag("--report"))
        {
            var doc = line.Text("--doc", Path.Combine(Defaults.RepositoryRoot, "docs", "performance.md"));
            PerformanceDocument.Write(work, data, doc);
            Console.WriteLine($"Wrote {doc}, {Path.ChangeExtension(doc, ".html")} and the charts in {data}");
            return 0;
        }

        var item = line.Text("--item", "");
        var gateway = new Uri(line.Text("--url", Defaults.GatewayUrl));
        using var signIn = LoadHttp.CreateClient(gateway);
        var feed = await ScenarioFeed.LoadAsync(signIn, line.Text("--state", Defaults.SeedState), line.Int("--sign-in", 32));
        using var context = new PerformanceContext(gateway, new Uri(line.Text("--identity-url", Defaults.IdentityUrl)), feed,
            new ProcessUsage(Path.Combine(Defaults.RepositoryRoot, ".data", "up")));
        Directory.CreateDirectory(work);
        await context.SettleAsync(TimeSpan.FromSeconds(line.Number("--settle", 120)));
        File.AppendAllText(Path.Combine(work, "load.txt"), $"{item} {DateTimeOffset.UtcNow:u} load average {File.ReadAllText("/proc/loadavg").Trim()}\n");
        Console.WriteLine($"{item}: load average {File.ReadAllText("/proc/loadavg").Trim()}");
        PartResult part;
        switch (item)
        {
            case "write-cost":
                part = await WriteCost.RunAsync(context, line.Number("--rate", 20), line.Number("--duration", 20), data);
                break;
            case "propagation":
                part = await EventPropagation.RunAsync(context, line.Number("--event-rate", 200), line.Number("--event-low-rate", 50), 15, data);
                break;
            case "idle":
                part = await IdleFootprint.RunAsync(context, TimeSpan.FromSeconds(line.Number("--idle-seconds", 60)), data);
                break;
            case "proxy":
                part = await ProxyComparison.RunAsync(context, line.Number("--proxy-rate", 300), line.Int("--rounds", 2));
                break;
            case "cache":
                part = await CacheComparison.RunAsync(context, line.Int("--rounds", 2));
                break;
            case "mixed":
                var rates = line.Text("--mixed-rates", "10,25,50,100,150,200,300,400").Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToList();
                part = await MixedCapacity.RunAsync(context, rates, 15, data);
                break;
            case "scale":
                var entries = line.Text("--entries", gateway.ToString()).Split(',').Select(u => new Uri(u)).ToList();
                var capacity = await ScaleOut.MeasureAsync(context, line.Text("--service", "gateway"), line.Int("--instances", 1), line.Number("--cpus", 0.3), entries);
                ResultFiles.Save(Path.Combine(work, "scale"), $"{capacity.Service}-{capacity.Instances}", capacity);
                Console.WriteLine($"  {capacity.Service} x{capacity.Instances}: held {capacity.Held:0} req/s at p99 < {ScaleOut.P99BoundMs} ms (saturated {capacity.SaturatedThroughput:0})");
                return 0;
            case "growth":
                part = await DataGrowth.RunAsync(context, line.Text("--state", Defaults.SeedState), data,
                    line.Text("--measures", string.Join(',', DataGrowth.Goals.Keys)).Split(','));
                break;
            default:
                Console.Error.WriteLine("performance: --item write-cost|propagation|idle|proxy|cache|mixed|scale|growth, or --report");
                return 2;
        }

        part.Save(work);
        foreach (var goal in part.Goals)
        {
            Console.WriteLine($"  {goal.Item}: {goal.Measured} (goal {goal.Target}: {goal.Verdict.Replace("*", "", StringComparison.Ordinal)})");
        }

        return 0;
    }
}
