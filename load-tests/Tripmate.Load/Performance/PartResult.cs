using System.Text.Json;
using Tripmate.Load.Reporting;

namespace Tripmate.Load.Performance;

/// <summary>One item of docs/performance.md: its goals met or not, its tables, and the runs behind them (for the HTML).</summary>
public sealed record PartResult(string Key, string Title, IReadOnlyList<Goal> Goals, string Markdown, IReadOnlyList<RunResult> Runs)
{
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, $"{Key}.json"), JsonSerializer.Serialize(this, JsonReport.Options));
    }

    public static PartResult? Load(string directory, string key)
    {
        var path = Path.Combine(directory, $"{key}.json");
        return File.Exists(path) ? JsonSerializer.Deserialize<PartResult>(File.ReadAllText(path), JsonReport.Options) : null;
    }
}

/// <param name="Met">Null when the item states no goal (only a measurement).</param>
public sealed record Goal(string Item, string Target, string Measured, bool? Met)
{
    public string Verdict => Met switch { true => "met", false => "**not met**", null => "measured" };
}
