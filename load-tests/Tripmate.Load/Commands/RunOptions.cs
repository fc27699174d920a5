using System.CommandLine;
using Tripmate.Load.Engine;
using Tripmate.Load.Reporting;
using Tripmate.Load.Scenarios;

namespace Tripmate.Load.Commands;

/// <summary>
/// The options of <c>run</c>. The load model: <c>--rate R</c> (constant, the default 50/s) or
/// <c>--profile "ramp(0,200,10s) constant(200,30s)"</c> for an open model, <c>--vus N [--think MS]</c>
/// for a closed one; <c>--warmup S</c> (default 5) is run first and not measured, <c>--duration S</c>
/// (default 20) is measured.
/// </summary>
public sealed class RunOptions
{
    public Argument<string> Scenario { get; } = new("scenario")
    {
        HelpName = "SCENARIO",
        Description = "What to run: " + string.Join("; ", ScenarioCatalog.All.Select(s => $"{s.Key}: {s.Value.Description}")),
    };

    public Option<double> Rate { get; } = CommandOptions.Number("--rate", "Open model: iterations started per second", 50, "R");

    public Option<IReadOnlyList<ArrivalPhase>> Profile { get; } = new("--profile")
    {
        Description = "Open model in phases, e.g. \"ramp(0,200,10s) constant(200,30s) steps(100,400,100,10s)\"",
        HelpName = "SPEC",
        CustomParser = result =>
        {
            try
            {
                return ArrivalPhase.ParseProfile(result.Tokens[0].Value);
            }
            catch (FormatException e)
            {
                result.AddError($"--profile: {e.Message}");
                return [];
            }
        },
    };

    public Option<int> VirtualUsers { get; } = CommandOptions.Count("--vus", "Closed model: this many users, each starting its next iteration when the last ended", 16);

    public Option<double> Think { get; } = CommandOptions.Number("--think", "Closed model: think time between a user's iterations (exponential around it)", 0, "MS", zeroAllowed: true);

    public Option<double> WarmUp { get; } = CommandOptions.Number("--warmup", "Seconds run first and not measured", 5, "S", zeroAllowed: true);

    public Option<double> Duration { get; } = CommandOptions.Number("--duration", "Seconds measured", 20, "S");

    public Option<int> MaxInFlight { get; } = CommandOptions.Count("--max-in-flight", "Open model: an iteration due while this many run is dropped, and counted", 10_000);

    public Option<double> LateAfter { get; } = CommandOptions.Number("--late-after", "A start later than this is counted late", 10, "MS");

    public Option<Threshold[]> Thresholds { get; } = new("--threshold")
    {
        Description = "A rule the run must pass, else exit code 1 (repeatable): p99<50ms, errors<0.1%, on-time>=95%, rps>=100, dropped==0, send:p99<100ms",
        HelpName = "EXPR",
        AllowMultipleArgumentsPerToken = false,
        CustomParser = result =>
        {
            var thresholds = new List<Threshold>();
            foreach (var token in result.Tokens)
            {
                try
                {
                    thresholds.Add(Threshold.Parse(token.Value));
                }
                catch (FormatException e)
                {
                    result.AddError($"--threshold: {e.Message}");
                }
            }

            return [.. thresholds];
        },
    };

    public Option<FileInfo> Baseline { get; } = new Option<FileInfo>("--baseline")
    {
        Description = "A saved run (its .json report) to compare with; a regression exits 1",
        HelpName = "FILE.json",
    }.AcceptExistingOnly();

    public Option<double> MaxRegression { get; } = CommandOptions.Number("--max-regression", "Percent lower throughput or higher p99 than the baseline that still passes", 20, "PCT", zeroAllowed: true);

    public Option<Uri> Url { get; } = CommandOptions.Url("--url", "Target (default: the gateway of ./dev up)", () => Defaults.GatewayUrl);

    public Option<string> Out { get; } = CommandOptions.Directory("--out", "Where the reports go", () => Defaults.Results);

    public Option<string?> Name { get; } = new("--name") { Description = "File name of the reports (NAME.md, NAME.json, NAME.html)", HelpName = "NAME" };

    public Option<int> SignIn { get; } = CommandOptions.Count("--sign-in", "Seeded users signed in at setup (the iterations act as them)", 32);

    public Option<string> State { get; } = CommandOptions.Directory("--state", "The seeder's journal (which users and data exist)", () => Defaults.SeedState);

    public Option<int> Connections { get; } = CommandOptions.Count("--connections", "Most connections to the target", 1024);

    public Option<bool> NoLive { get; } = new("--no-live") { Description = "No live terminal view (redirected output gets a line every 5 s anyway)" };

    public Command Command(string description)
    {
        Scenario.AcceptOnlyFromAmong([.. ScenarioCatalog.All.Keys]);
        var command = new Command("run", description)
        {
            Scenario, Rate, Profile, VirtualUsers, Think, WarmUp, Duration, MaxInFlight, LateAfter, Thresholds, Baseline, MaxRegression,
            Url, Out, Name, SignIn, State, Connections, NoLive,
        };
        command.Validators.Add(result =>
        {
            var models = new Option[] { Rate, Profile, VirtualUsers }.Where(o => result.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
            if (models.Count > 1)
            {
                result.AddError($"{string.Join(" and ", models)} each choose the load model: give one of them.");
            }

            if (result.GetResult(Think) is { Implicit: false } && result.GetResult(VirtualUsers) is null or { Implicit: true })
            {
                result.AddError("--think belongs to the closed model: give --vus too.");
            }

            if (result.GetResult(MaxRegression) is { Implicit: false } && result.GetResult(Baseline) is null)
            {
                result.AddError("--max-regression compares with a baseline: give --baseline too.");
            }
        });
        return command;
    }

    public LoadModel Model(ParseResult parse)
    {
        var warmUp = TimeSpan.FromSeconds(parse.GetValue(WarmUp));
        var duration = TimeSpan.FromSeconds(parse.GetValue(Duration));
        if (parse.GetResult(VirtualUsers) is { Implicit: false })
        {
            return new ClosedModel(parse.GetValue(VirtualUsers), TimeSpan.FromMilliseconds(parse.GetValue(Think)), duration, warmUp);
        }

        var phases = parse.GetValue(Profile) is { Count: > 0 } profile
            ? profile
            : [new ConstantRate(parse.GetValue(Rate), warmUp + duration)];
        return new OpenModel(new ArrivalSchedule(phases), warmUp, parse.GetValue(MaxInFlight));
    }

    public RunSettings Settings(ParseResult parse, string scenario, string target) =>
        new(scenario, target, TimeSpan.FromMilliseconds(parse.GetValue(LateAfter)), Live: !parse.GetValue(NoLive));
}
