using System.Globalization;

namespace Tripmate.Cql.Connections;

/// <summary>A node address: "host", "host:port", "1.2.3.4:port", "[::1]:port" or a bare IPv6 literal.</summary>
internal sealed record ContactPoint(string Host, int Port)
{
    public static ContactPoint Parse(string text, int defaultPort)
    {
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            var host = text[1..close];
            return new ContactPoint(host, close + 1 < text.Length ? ParsePort(text[(close + 2)..]) : defaultPort);
        }
        var colon = text.LastIndexOf(':');
        // More than one colon without brackets is an IPv6 literal with no port.
        if (colon < 0 || text.IndexOf(':') != colon) return new ContactPoint(text, defaultPort);
        return new ContactPoint(text[..colon], ParsePort(text[(colon + 1)..]));
    }

    private static int ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new FormatException($"'{text}' is not a valid port.");

    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
