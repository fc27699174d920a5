using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tripmate.Load.Reporting;

public static class JsonReport
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Render(RunResult run) => JsonSerializer.Serialize(run, Options);
}
