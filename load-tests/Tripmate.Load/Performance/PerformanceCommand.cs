using System.CommandLine;
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
    private static readonly string[] Items = ["write-cost", "propagation", "idle", "proxy", "cache", "mixed", "scale", "growth"];

    private sealed class Options
    {
        public Option<string> Item { get; } = new Option<string>("--item") { Description = "The item to measure", HelpName = "NAME" }.AcceptOnlyFromAmong(Items);
        public Option<bool> Report { get; } = new("--report") { Description = "Write docs/performance.md from the parts measured so far" };
        public Option<string> Work { get; } = CommandOptions.Directory("--work", "Where each item keeps its part as JSON", () => Path.Combine(Defaults.RepositoryRoot, ".data", "up", "perf"));
        public Option<string> Data { get; } = CommandOptions.Directory("--data", "Where raw results and charts go", () => Path.Combine(Defaults.RepositoryRoot, "docs", "performance"));
        public Option<string> Doc { get; } = CommandOptions.Directory("--doc", "The document --report writes (and its .html beside it)", () => Path.Combine(Defaults.RepositoryRoot, "docs", "performance.md"));
        public Option<Uri> Url { get; } = CommandOptions.Url("--url", "The gateway (default: that of ./dev up)", () => Defaults.GatewayUrl);
        public Option<Uri> IdentityUrl { get; } = CommandOptions.Url("--identity-url", "Identity itself, for the direct comparison", () => Defaults.IdentityUrl);
        public Option<string> State { get; } = CommandOptions.Directory("--state", "The seeder's journal", () => Defaults.SeedState);
        public Option<int> SignIn { get; } = CommandOptions.Count("--sign-in", "Seeded users signed in at setup", 32);
        public Option<double> Settle { get; } = CommandOptions.Number("--settle", "At most this long waiting for ./dev up to be quiet first", 120, "S", zeroAllowed: true);
        public Option<double> Rate { get; } = CommandOptions.Number("--rate", "write-cost: writes/s", 20, "R");
        public Option<double> Duration { get; } = CommandOptions.Number("--duration", "write-cost: seconds", 20, "S");
        public Option<double> EventRate { get; } = CommandOptions.Number("--event-rate", "propagation: busy rate (writes/s)", 200, "R");
        public Option<double> EventLowRate { get; } = CommandOptions.Number("--event-low-rate", "propagation: quiet rate (writes/s)", 50, "R");
        public Option<double> IdleSeconds { get; } = CommandOptions.Number("--idle-seconds", "idle: seconds observed", 60, "S");
        public Option<double> ProxyRate { get; } = CommandOptions.Number("--proxy-rate", "proxy: requests/s", 300, "R");
        public Option<int> Rounds { get; } = CommandOptions.Count("--rounds", "proxy, cache: rounds (their order alternates)", 2);
        public Option<IReadOnlyList<double>> MixedRates { get; } = CommandOptions.List<double>("--mixed-rates", "mixed: rates, in order", "10,25,50,100,150,200,300,400", CommandOptions.PositiveNumber, "a rate above zero");
        public Option<string> Service { get; } = new("--service") { Description = "scale: the service scaled", DefaultValueFactory = _ => "gateway" };
        public Option<int> Instances { get; } = CommandOptions.Count("--instances", "scale: its instances", 1);
        public Option<double> Cpus { get; } = CommandOptions.Number("--cpus", "scale: each instance's CPU cap (cores)", 0.3, "C");
        public Option<string?> Entries { get; } = new("--entries") { Description = "scale: the gateway URLs to spread the load over, comma-separated (default: --url)", HelpName = "URL,URL" };
        public Option<string> Measures { get; } = new("--measures") { Description = "growth: which measures", DefaultValueFactory = _ => string.Join(',', DataGrowth.Goals.Keys) };

        public IEnumerable<Option> All =>
        [
            Item, Report, Work, Data, Doc, Url, IdentityUrl, State, SignIn, Settle, Rate, Duration, EventRate, EventLowRate,
            IdleSeconds, ProxyRate, Rounds, MixedRates, Service, Instances, Cpus, Entries, Measures,
        ];
    }

    public static Command Create()
    {
        var options = new Options();
        var command = new Command("performance", "One item of ./dev perf (--item NAME: " + string.Join(", ", Items) + "), or --report to write the document.");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if ((result.GetResult(options.Item) is null) == (result.GetValue(options.Report) == false))
            {
                result.AddError("performance needs either --item NAME or --report.");
            }
        });
        command.SetAction((parse, _) => RunAsync(parse, options));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Options o)
    {
        var work = parse.GetRequiredValue(o.Work);
        var data = parse.GetRequiredValue(o.Data);
        if (parse.GetValue(o.Report))
        {
            var doc = parse.GetRequiredValue(o.Doc);
            PerformanceDocument.Write(work, data, doc);
            Console.WriteLine($"Wrote {doc}, {Path.ChangeExtension(doc, ".html")} and the charts in {data}");
            return 0;
        }

        var item = parse.GetRequiredValue(o.Item);
        var gateway = parse.GetRequiredValue(o.Url);
        using var signIn = LoadHttp.CreateClient(gateway);
        var feed = await ScenarioFeed.LoadAsync(signIn, parse.GetRequiredValue(o.State), parse.GetValue(o.SignIn));
        using var context = new PerformanceContext(gateway, parse.GetRequiredValue(o.IdentityUrl), feed,
            new ProcessUsage(Path.Combine(Defaults.RepositoryRoot, ".data", "up")));
        Directory.CreateDirectory(work);
        await context.SettleAsync(TimeSpan.FromSeconds(parse.GetValue(o.Settle)));
        var load = File.ReadAllText("/proc/loadavg").Trim();
        File.AppendAllText(Path.Combine(work, "load.txt"), $"{item} {DateTimeOffset.UtcNow:u} load average {load}\n");
        Console.WriteLine($"{item}: load average {load}");
        PartResult part;
        switch (item)
        {
            case "write-cost":
                part = await WriteCost.RunAsync(context, parse.GetValue(o.Rate), parse.GetValue(o.Duration), data);
                break;
            case "propagation":
                part = await EventPropagation.RunAsync(context, parse.GetValue(o.EventRate), parse.GetValue(o.EventLowRate), 15, data);
                break;
            case "idle":
                part = await IdleFootprint.RunAsync(context, TimeSpan.FromSeconds(parse.GetValue(o.IdleSeconds)), data);
                break;
            case "proxy":
                part = await ProxyComparison.RunAsync(context, parse.GetValue(o.ProxyRate), parse.GetValue(o.Rounds));
                break;
            case "cache":
                part = await CacheComparison.RunAsync(context, parse.GetValue(o.Rounds));
                break;
            case "mixed":
                part = await MixedCapacity.RunAsync(context, parse.GetRequiredValue(o.MixedRates), 15, data);
                break;
            case "scale":
                var entries = (parse.GetValue(o.Entries) ?? gateway.ToString()).Split(',').Select(u => new Uri(u)).ToList();
                var capacity = await ScaleOut.MeasureAsync(context, parse.GetRequiredValue(o.Service), parse.GetValue(o.Instances), parse.GetValue(o.Cpus), entries);
                ResultFiles.Save(Path.Combine(work, "scale"), $"{capacity.Service}-{capacity.Instances}", capacity);
                Console.WriteLine($"  {capacity.Service} x{capacity.Instances}: held {capacity.Held:0} req/s at p99 < {ScaleOut.P99BoundMs} ms (saturated {capacity.SaturatedThroughput:0})");
                return 0;
            default: // growth
                part = await DataGrowth.RunAsync(context, parse.GetRequiredValue(o.State), data, parse.GetRequiredValue(o.Measures).Split(','));
                break;
        }

        part.Save(work);
        foreach (var goal in part.Goals)
        {
            Console.WriteLine($"  {goal.Item}: {goal.Measured} (goal {goal.Target}: {goal.Verdict.Replace("*", "", StringComparison.Ordinal)})");
        }

        return 0;
    }
}
