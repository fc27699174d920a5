using System.Text.Json.Nodes;
using Tripmate.Cql.Connections;

namespace Tripmate.Cql.Tests.Oracle;

/// <summary>Compares our frame with the driver's after <see cref="DriverDifferences"/>; returns null when equal.</summary>
internal static class RequestComparison
{
    public static string? Mismatch(RequestCase requestCase, byte[] ours, JsonNode? driverResult)
    {
        if (driverResult?["error"] is { } error) return $"The oracle could not write the request: {error}";
        var expected = Convert.FromHexString((string)driverResult!["hex"]!);
        if (requestCase.GeneratesDriverTimestamp)
            expected = DriverDifferences.WithoutClientTimestamp(expected, (string)driverResult["timestamp"]!, requestCase.QueryFlagsOffset);
        if (requestCase.Op == "startup")
            expected = DriverDifferences.WithDriverIdentity(expected, requestCase.StartupOptions ?? StartupOptions.Default);
        if (expected.AsSpan().SequenceEqual(ours)) return null;
        var firstDifference = 0;
        while (firstDifference < Math.Min(expected.Length, ours.Length) && expected[firstDifference] == ours[firstDifference]) firstDifference++;
        return $"{requestCase.Name}: first difference at byte {firstDifference} (driver {expected.Length} bytes, ours {ours.Length})\n" +
               $"driver: {Convert.ToHexString(expected)}\nours:   {Convert.ToHexString(ours)}";
    }
}
