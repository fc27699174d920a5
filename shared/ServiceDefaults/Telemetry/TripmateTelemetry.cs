using System.Diagnostics;

namespace Tripmate.ServiceDefaults.Telemetry;

/// <summary>The activity source for the project's own spans (for example, relaying outbox events).</summary>
public static class TripmateTelemetry
{
    public const string SourceName = "Tripmate";

    public static readonly ActivitySource Source = new(SourceName);
}
