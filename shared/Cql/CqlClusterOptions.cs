namespace Tripmate.Cql;

/// <summary>How to reach and talk to the cluster.</summary>
public sealed record CqlClusterOptions
{
    /// <summary>"host" or "host:port" ("[v6]:port"), tried in order; later ones are the failover targets.</summary>
    public required IReadOnlyList<string> ContactPoints { get; init; }

    /// <summary>Port for contact points that do not name one.</summary>
    public int Port { get; init; } = 9042;

    /// <summary>For PasswordAuthenticator (SASL PLAIN); null when the cluster needs no login.</summary>
    public CqlCredentials? Credentials { get; init; }

    /// <summary>TLS for every connection; null: plain TCP (a cluster on a private network only).</summary>
    public CqlTlsOptions? Tls { get; init; }

    /// <summary>Keyspace every connection switches to after connecting (USE).</summary>
    public string? Keyspace { get; init; }

    /// <summary>Connections kept per host; each multiplexes up to 32768 concurrent requests.</summary>
    public int ConnectionsPerHost { get; init; } = 1;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>Frames (sent or received) with a larger body are rejected. The protocol maximum is 256 MB.</summary>
    public int MaxFrameSizeBytes { get; init; } = 256 * 1024 * 1024;

    public Consistency DefaultConsistency { get; init; } = Consistency.LocalQuorum;

    public int DefaultPageSize { get; init; } = 5000;

    public ReconnectOptions Reconnect { get; init; } = new();
}

public sealed record CqlCredentials(string Username, string Password)
{
    // Keeps the password out of logs that print the options.
    public override string ToString() => $"CqlCredentials {{ Username = {Username} }}";
}

/// <summary>Backoff between rounds of connection attempts over all contact points (exponential with jitter).</summary>
public sealed record ReconnectOptions
{
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Extra rounds after the first before <see cref="NoHostAvailableException"/> is thrown.</summary>
    public int MaxAttempts { get; init; } = 3;
}
