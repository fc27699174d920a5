using System.Reflection;

namespace Tripmate.Cql.Connections;

/// <summary>The STARTUP string map (spec 4.1.1). Driver name and version help operators see who is connected.</summary>
internal static class StartupOptions
{
    public const string DriverName = "Tripmate.Cql";

    public static readonly string DriverVersion =
        typeof(StartupOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static readonly IReadOnlyList<KeyValuePair<string, string>> Default =
    [
        new("CQL_VERSION", Protocol.RequestWriter.CqlVersion),
        new("DRIVER_NAME", DriverName),
        new("DRIVER_VERSION", DriverVersion),
    ];
}
