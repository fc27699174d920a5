using System.Net;
using Amazon.Runtime;
using Microsoft.Data.Sqlite;
using Npgsql;
using Tripmate.Cql;
using Tripmate.Neo4j.Errors;

namespace Tripmate.ServiceDefaults.Errors;

/// <summary>
/// The one list of store failures that mean "the store is away or busy, ask again shortly" rather
/// than "this request is wrong": every service answers them 503 with Retry-After
/// (<see cref="StoreOutageExceptionHandler"/>). A new store adds its transient failures here.
/// </summary>
public static class StoreOutages
{
    /// <summary>Seconds a client should wait before retrying: about as long as a restart or fail-over takes.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>The store that is away, or null when <paramref name="exception"/> (or an inner one) is no outage.</summary>
    public static string? StoreOf(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var store = e switch
            {
                PostgresException postgres => IsPostgresOutage(postgres.SqlState) ? "PostgreSQL" : null,
                NpgsqlException { IsTransient: true } => "PostgreSQL",
                // Busy and locked: another writer holds the file longer than the busy timeout.
                SqliteException { SqliteErrorCode: 5 or 6 } => "SQLite",
                CqlException { IsRetryable: true } or CqlConnectionException or ReadTimeoutException or WriteTimeoutException => "Cassandra",
                // Still failing after the client's own retries: a connection failure or a transient error.
                Neo4jException { IsTransient: true } => "Neo4j",
                // S3 busy or failing (500 InternalError, 503 SlowDown), or no answer at all.
                AmazonServiceException { StatusCode: >= HttpStatusCode.InternalServerError } => "S3",
                AmazonServiceException { StatusCode: 0 } or AmazonClientException => "S3",
                // The SDK lets a refused connection through as it is; its stack tells it was S3's.
                HttpRequestException { StatusCode: null } unreachable when IsFromAwsSdk(unreachable) => "S3",
                _ => null,
            };
            if (store is not null)
            {
                return store;
            }
        }

        return null;
    }

    private static bool IsFromAwsSdk(Exception e) => e.StackTrace?.Contains("Amazon.Runtime.", StringComparison.Ordinal) == true;

    /// <summary>Connection failures (class 08), shutdown and start-up (57P0x), too many connections (53300).</summary>
    private static bool IsPostgresOutage(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections;
}
