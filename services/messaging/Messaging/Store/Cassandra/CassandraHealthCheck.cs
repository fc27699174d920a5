using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tripmate.Messaging.Store.Cassandra;

/// <summary>Ready when a node answers a query; names the store and its contact points.</summary>
internal sealed class CassandraHealthCheck(CassandraDatabase db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var contactPoints = string.Join(",", db.Options.ContactPoints);
        var data = new Dictionary<string, object> { ["store"] = "cassandra", ["contactPoints"] = contactPoints, ["keyspace"] = db.Options.Keyspace };
        var description = $"cassandra {contactPoints} keyspace {db.Options.Keyspace}";
        if (!db.IsConnected)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{description}: not connected yet", null, data);
        }
        try
        {
            await db.ExecuteAsync("SELECT release_version FROM system.local WHERE key = 'local'", [], cancellationToken);
            return HealthCheckResult.Healthy(description, data);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, description, e, data);
        }
    }
}
