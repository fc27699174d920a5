using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using Tripmate.Cql;
using Tripmate.Neo4j.Errors;
using Tripmate.ServiceDefaults.Errors;

namespace Tripmate.Platform.Tests.Errors;

/// <summary>The one mapping of store failures to 503: outages of every store, and nothing else.</summary>
public sealed class StoreOutagesTests
{
    public static TheoryData<Exception, string?> Failures => new()
    {
        { new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), "PostgreSQL" },
        { new PostgresException("shutting down", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown), "PostgreSQL" },
        { new InvalidOperationException("wrapped by EF Core", new PostgresException("gone", "FATAL", "FATAL", "08006")), "PostgreSQL" },
        { new SqliteException("database is locked", 5), "SQLite" },
        { new CqlConnectionException("connection refused", requestWasSent: false), "Cassandra" },
        { new UnavailableException("2 replicas needed", Consistency.Quorum, 2, 1), "Cassandra" },
        { new Neo4jUnavailableException("connection refused"), "Neo4j" },
        { Neo4jException.From("Neo.TransientError.Transaction.DeadlockDetected", "deadlock"), "Neo4j" },
        { Neo4jException.From("Neo.ClientError.Statement.SyntaxError", "bad Cypher"), null },
        { Neo4jException.From("Neo.ClientError.Schema.ConstraintValidationFailed", "exists"), null },
        { new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation), null },
        { new SqliteException("no such table", 1), null },
        { new SyntaxErrorException("bad CQL"), null },
        { new InvalidOperationException("a bug"), null },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Only_a_stores_transient_failures_are_outages(Exception failure, string? store)
    {
        Assert.Equal(store, StoreOutages.StoreOf(failure));
    }
}
