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
    public static async Task<int> RunAsync(CommandLine line)
    {
        if (line.Positional.Count < 2 || !ScenarioCatalog.All.TryGetValue(line.Positional[1], out var scenario))
        {
            Console.Error.WriteLine("Scenarios:");
            foreach (var (known, (description, _)) in ScenarioCatalog.All)
            {
                Console.Error.WriteLine($"  {known,-11} {description}");
            }

            return 2;
        }

        var name = line.Positional[1];
        var url = new Uri(line.Text("--url", Defaults.GatewayUrl));
        var thresholds = line.All("--threshold").Select(Threshold.Parse).ToList();
        using var http = LoadHttp.CreateClient(url, line.Int("--connections", 1024));
        var feed = await ScenarioFeed.LoadAsync(http, line.Text("--state", Defaults.SeedState), line.Int("--sign-in", 32));
        var workload = scenario.Build(new SocialRequests(http, feed));

        var result = await LoadRun.RunAsync(workload, RunOptions.Model(line), RunOptions.Settings(line, name, url.ToString()));
        result = Judge(result, thresholds, line);
        var stem = ReportFiles.Write(result, line.Text("--out", Defaults.Results), line.Has("--name") ? line.Text("--name", name) : null);
        Console.WriteLine(MarkdownReport.Render(result));
        Console.WriteLine($"Reports: {stem}.md, {stem}.json (a baseline for --baseline), {stem}.html");
        return result.Passed ? 0 : 1;
    }

    /// <summary>Adds the thresholds' and the baseline's verdicts to a run.</summary>
    public static RunResult Judge(RunResult result, IReadOnlyList<Threshold> thresholds, CommandLine line)
    {
        result = result with { Thresholds = thresholds.Select(t => t.Evaluate(result)).ToList() };
        if (line.Has("--baseline"))
        {
            var baseline = Baseline.Load(line.Text("--baseline", ""));
            result = result with { Baseline = Baseline.Compare(baseline, result, line.Number("--max-regression", 20)) };
        }

        return result;
    }
}
