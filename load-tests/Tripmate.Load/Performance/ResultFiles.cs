using System.Text.Json;
using Tripmate.Load.Reporting;

namespace Tripmate.Load.Performance;

/// <summary>
/// The raw results of `./dev perf` beside docs/performance.md (docs/performance/NAME.json), for
/// another tool (a notebook) to read: plain records, camelCase, one file per measurement.
/// </summary>
public static class ResultFiles
{
    public static void Save<T>(string directory, string name, T result)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, $"{name}.json"), JsonSerializer.Serialize(result, JsonReport.Options));
    }

    public static T? Load<T>(string directory, string name) =>
        File.Exists(Path.Combine(directory, $"{name}.json"))
            ? JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(directory, $"{name}.json")), JsonReport.Options)
            : default;
}
