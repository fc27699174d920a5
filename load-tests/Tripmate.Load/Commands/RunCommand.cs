using System.CommandLine;
using Tripmate.Load.Engine;
using Tripmate.Load.Http;
using Tripmate.Load.Reporting;
using Tripmate.Load.Scenarios;

namespace Tripmate.Load.Commands;

/// <summary>
/// <c>run SCENARIO [model options] [--url URL] [--threshold EXPR]... [--baseline FILE.json
/// [--max-regression PCT]] [--out DIR] [--name NAME] [--sign-in N] [--state DIR] [--no-live]</c>.
/// Exit code 1 when a threshold fails or the run regressed against the baseline.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var options = new RunOptions();
        var command = options.Command("Run a scenario against the seeded data set and write its reports; exit code 1 when a threshold fails or the run regressed.");
        command.SetAction((parse, _) => RunAsync(options, parse));
        return command;
    }

    private static async Task<int> RunAsync(RunOptions options, ParseResult parse)
    {
        var name = parse.GetRequiredValue(options.Scenario);
        var url = parse.GetRequiredValue(options.Url);
        using var http = LoadHttp.CreateClient(url, parse.GetValue(options.Connections));
        var feed = await ScenarioFeed.LoadAsync(http, parse.GetRequiredValue(options.State), parse.GetValue(options.SignIn));
        var workload = ScenarioCatalog.All[name].Build(new SocialRequests(http, feed));

        var result = await LoadRun.RunAsync(workload, options.Model(parse), options.Settings(parse, name, url.ToString()));
        result = Judge(result, parse.GetValue(options.Thresholds) ?? [], parse.GetValue(options.Baseline), parse.GetValue(options.MaxRegression));
        var stem = ReportFiles.Write(result, parse.GetRequiredValue(options.Out), parse.GetValue(options.Name));
        Console.WriteLine(MarkdownReport.Render(result));
        Console.WriteLine($"Reports: {stem}.md, {stem}.json (a baseline for --baseline), {stem}.html");
        return result.Passed ? 0 : 1;
    }

    /// <summary>Adds the thresholds' and the baseline's verdicts to a run.</summary>
    public static RunResult Judge(RunResult result, IReadOnlyList<Threshold> thresholds, FileInfo? baseline, double maxRegressionPercent)
    {
        result = result with { Thresholds = thresholds.Select(t => t.Evaluate(result)).ToList() };
        if (baseline is not null)
        {
            result = result with { Baseline = Reporting.Baseline.Compare(Reporting.Baseline.Load(baseline.FullName), result, maxRegressionPercent) };
        }

        return result;
    }
}
