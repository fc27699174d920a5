using System.CommandLine;
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
    public static Command Create()
    {
        var stage = new Option<string>("--stage") { Description = "measure: items 1-5; scaled: item 5 with the busiest service on two instances; report: write the document", DefaultValueFactory = _ => "measure" };
        stage.AcceptOnlyFromAmong("measure", "scaled", "report");
        var work = CommandOptions.Directory("--work", "Where each stage keeps its parts as JSON", () => Path.Combine(Defaults.RepositoryRoot, ".data", "up", "perf"));
        var doc = CommandOptions.Directory("--doc", "The document report writes (and its .html beside it)", () => Path.Combine(Defaults.RepositoryRoot, "docs", "performance.md"));
        doc.HelpName = "FILE";
        var url = CommandOptions.Url("--url", "The gateway (default: that of ./dev up)", () => Defaults.GatewayUrl);
        var identityUrl = CommandOptions.Url("--identity-url", "Identity itself, for the direct comparison of item 1", () => Defaults.IdentityUrl);
        var state = CommandOptions.Directory("--state", "The seeder's journal", () => Defaults.SeedState);
        var signIn = CommandOptions.Count("--sign-in", "Seeded users signed in at setup", 32);
        var rounds = CommandOptions.Count("--rounds", "Rounds of items 1 and 2 (their order alternates)", 2);
        var settle = CommandOptions.Number("--settle", "At most this long waiting for ./dev up to be quiet before a part", 120, "S", zeroAllowed: true);
        var parts = CommandOptions.List<int>("--parts", "Which items to measure", "1,2,3,4", p => int.TryParse(p, out var n) && n is >= 1 and <= 4 ? n : null, "an item from 1 to 4");
        var proxyRate = CommandOptions.Number("--proxy-rate", "Item 1's rate (requests/s)", 300, "R");
        var eventRate = CommandOptions.Number("--event-rate", "Item 3's busy rate (writes/s)", 200, "R");
        var eventLowRate = CommandOptions.Number("--event-low-rate", "Item 3's quiet rate (writes/s)", 50, "R");
        var mixedRates = CommandOptions.List<double>("--mixed-rates", "Item 4's rates, in order", "10,25,50,100,150,200,300,400", CommandOptions.PositiveNumber, "a rate above zero");
        var command = new Command("performance", "The steps of ./dev perf: measure, then scaled (after the busiest service got a second instance), then report.")
        {
            stage, work, doc, url, identityUrl, state, signIn, rounds, settle, parts, proxyRate, eventRate, eventLowRate, mixedRates,
        };
        command.SetAction(async (parse, _) =>
        {
            var directory = parse.GetRequiredValue(work);
            if (parse.GetValue(stage) == "report")
            {
                var document = parse.GetRequiredValue(doc);
                PerformanceDocument.Write(directory, document);
                Console.WriteLine($"Wrote {document} and {Path.ChangeExtension(document, ".html")}");
                return 0;
            }

            var gateway = parse.GetRequiredValue(url);
            using var signInClient = LoadHttp.CreateClient(gateway);
            var feed = await ScenarioFeed.LoadAsync(signInClient, parse.GetRequiredValue(state), parse.GetValue(signIn));
            using var context = new PerformanceContext(gateway, parse.GetRequiredValue(identityUrl), feed,
                new ProcessUsage(Path.Combine(Defaults.RepositoryRoot, ".data", "up")));
            var settings = new Settings(parse.GetValue(rounds), TimeSpan.FromSeconds(parse.GetValue(settle)), parse.GetRequiredValue(parts),
                parse.GetValue(proxyRate), parse.GetValue(eventRate), parse.GetValue(eventLowRate), parse.GetRequiredValue(mixedRates));
            return await MeasureAsync(context, parse.GetRequiredValue(stage), directory, settings);
        });
        return command;
    }

    private sealed record Settings(int Rounds, TimeSpan Settle, IReadOnlyList<int> Parts, double ProxyRate, double EventRate, double EventLowRate, IReadOnlyList<double> MixedRates);

    private static async Task<int> MeasureAsync(PerformanceContext context, string stage, string work, Settings settings)
    {
        Directory.CreateDirectory(work);
        File.AppendAllText(Path.Combine(work, "load.txt"), $"{stage} {DateTimeOffset.UtcNow:u} load average {File.ReadAllText("/proc/loadavg").Trim()}\n");
        if (stage == "scaled")
        {
            var service = File.ReadAllText(Path.Combine(work, "busiest.txt")).Trim();
            await context.SettleAsync(settings.Settle);
            (await ScaleOut.MeasureAsync(context, service, instances: 2)).Save(work);
            return 0;
        }

        await context.SettleAsync(settings.Settle);
        if (settings.Parts.Contains(1))
        {
            Console.WriteLine("1. gateway vs direct vs nginx");
            (await ProxyComparison.RunAsync(context, settings.ProxyRate, settings.Rounds)).Save(work);
        }

        if (settings.Parts.Contains(2))
        {
            Console.WriteLine("2. cache hit vs miss");
            (await CacheComparison.RunAsync(context, settings.Rounds)).Save(work);
        }

        if (settings.Parts.Contains(3))
        {
            Console.WriteLine("3. event propagation");
            await context.SettleAsync(settings.Settle);
            (await EventPropagation.RunAsync(context, settings.EventRate, settings.EventLowRate, 15)).Save(work);
        }

        if (settings.Parts.Contains(4))
        {
            Console.WriteLine("4. mixed workload capacity");
            await context.SettleAsync(settings.Settle);
            var (part, busiest) = await MixedCapacity.RunAsync(context, settings.MixedRates, 15);
            part.Save(work);
            File.WriteAllText(Path.Combine(work, "busiest.txt"), busiest);
            Console.WriteLine($"5. {busiest} with one instance");
            (await ScaleOut.MeasureAsync(context, busiest, instances: 1)).Save(work);
        }

        return 0;
    }
}
