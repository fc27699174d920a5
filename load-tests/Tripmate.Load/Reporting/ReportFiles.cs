namespace Tripmate.Load.Reporting;

/// <summary>Writes a run's three reports side by side: NAME.json (the baseline format), NAME.md and NAME.html.</summary>
public static class ReportFiles
{
    public static string Write(RunResult run, string directory, string? name = null)
    {
        Directory.CreateDirectory(directory);
        name ??= $"{run.Info.StartedUtc:yyyyMMdd-HHmmss}-{run.Info.Scenario}";
        var stem = Path.Combine(directory, name);
        File.WriteAllText(stem + ".json", JsonReport.Render(run));
        File.WriteAllText(stem + ".md", MarkdownReport.Render(run));
        File.WriteAllText(stem + ".html", HtmlReport.Render($"{run.Info.Scenario} load run", [run]));
        return stem;
    }
}
