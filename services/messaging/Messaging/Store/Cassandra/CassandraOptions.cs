using System.Text.RegularExpressions;
using Tripmate.Cql;

namespace Tripmate.Messaging.Store.Cassandra;

/// <summary>Section <c>Cassandra</c>. The store is Cassandra exactly when contact points are given.</summary>
public sealed partial class CassandraOptions
{
    public const string Section = "Cassandra";
    public const string ContactPointsVariable = "CASSANDRA_CONTACT_POINTS";

    /// <summary>"host" or "host:port"; from <c>Cassandra:ContactPoints</c> (a list or a comma-separated string) or <c>CASSANDRA_CONTACT_POINTS</c>.</summary>
    public IReadOnlyList<string> ContactPoints { get; set; } = [];

    public int Port { get; set; } = 9042;

    public string Keyspace { get; set; } = "tripmate_messaging";

    /// <summary><c>SimpleStrategy</c> (one data centre) or <c>NetworkTopologyStrategy</c> (factors in <see cref="DataCenters"/>).</summary>
    public string ReplicationStrategy { get; set; } = "SimpleStrategy";

    /// <summary>Replicas with SimpleStrategy: 1 for a single node, 3 for a real cluster.</summary>
    public int ReplicationFactor { get; set; } = 1;

    /// <summary>Replicas per data centre with NetworkTopologyStrategy, e.g. <c>{ "dc1": 3 }</c>.</summary>
    public Dictionary<string, int> DataCenters { get; set; } = [];

    /// <summary>LocalQuorum reads and writes see each other with RF 3 in a data centre (and with RF 1 it is just One).</summary>
    public Consistency Consistency { get; set; } = Consistency.LocalQuorum;

    /// <summary>For the conditional (IF ...) writes: LocalSerial keeps Paxos inside the data centre.</summary>
    public Consistency SerialConsistency { get; set; } = Consistency.LocalSerial;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Client-to-node TLS (<c>Cassandra:Tls:*</c>); off unless <see cref="CassandraTlsOptions.Enabled"/>.</summary>
    public CassandraTlsOptions Tls { get; set; } = new();

    /// <summary>Rounds of connecting at start before giving up (the cluster may still be booting).</summary>
    public int ConnectAttempts { get; set; } = 10;

    public static IReadOnlyList<string> ReadContactPoints(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section).GetSection(nameof(ContactPoints));
        var configured = section.Value is { Length: > 0 } text
            ? [text]
            : section.GetChildren().Select(child => child.Value ?? "").ToList();
        if (configured.All(string.IsNullOrWhiteSpace))
        {
            configured = [configuration[ContactPointsVariable] ?? ""];
        }
        return configured
            .SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
    }

    /// <summary>The keyspace's replication map as CQL; names are checked first because they are written into the statement.</summary>
    public string ReplicationCql()
    {
        if (string.Equals(ReplicationStrategy, "NetworkTopologyStrategy", StringComparison.OrdinalIgnoreCase))
        {
            if (DataCenters.Count == 0 || DataCenters.Any(dc => !DataCenterName().IsMatch(dc.Key) || dc.Value < 1))
            {
                throw new InvalidOperationException("Cassandra:DataCenters needs at least one data centre name with a replication factor of 1 or more.");
            }
            return "{'class': 'NetworkTopologyStrategy', " + string.Join(", ", DataCenters.Select(dc => $"'{dc.Key}': {dc.Value}")) + "}";
        }
        if (!string.Equals(ReplicationStrategy, "SimpleStrategy", StringComparison.OrdinalIgnoreCase) || ReplicationFactor < 1)
        {
            throw new InvalidOperationException("Cassandra:ReplicationStrategy must be SimpleStrategy (with ReplicationFactor 1 or more) or NetworkTopologyStrategy.");
        }
        return $"{{'class': 'SimpleStrategy', 'replication_factor': {ReplicationFactor}}}";
    }

    public bool HasValidKeyspaceName => KeyspaceName().IsMatch(Keyspace);

    [GeneratedRegex("^[a-z][a-z0-9_]{0,47}$")]
    private static partial Regex KeyspaceName();

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex DataCenterName();
}
