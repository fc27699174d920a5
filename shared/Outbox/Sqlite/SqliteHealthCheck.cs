using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tripmate.Outbox.Sqlite;

/// <summary>
/// Ready when the embedded store's file answers a query (on the outbox's table, which every SQLite
/// store has); names the store and its file.
/// </summary>
public sealed class SqliteHealthCheck(ISqliteDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["store"] = "sqlite", ["path"] = database.FilePath };
        var description = $"sqlite {database.FilePath}";
        try
        {
            await database.ReadAsync(async c =>
            {
                await using var probe = c.CreateCommand();
                probe.CommandText = "SELECT count(*) FROM outbox_events WHERE 0";
                return await probe.ExecuteScalarAsync(cancellationToken);
            }, cancellationToken);
            return HealthCheckResult.Healthy(description, data);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, description, e, data);
        }
    }
}
