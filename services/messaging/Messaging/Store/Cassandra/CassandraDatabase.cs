using Microsoft.Extensions.Options;
using Tripmate.Contracts;
using Tripmate.Cql;
using Tripmate.Outbox;
using Tripmate.Outbox.Cassandra;

namespace Tripmate.Messaging.Store.Cassandra;

/// <summary>
/// The one CQL session of the service: connected and given its schema at start, then shared.
/// Statements are prepared once per text (the session caches them) and run at the configured
/// consistency; conditional writes use the serial consistency.
/// </summary>
public sealed class CassandraDatabase(IOptions<CassandraOptions> options, OutboxSignal outbox, ILogger<CassandraDatabase> logger)
    : ICqlExecutor, IAsyncDisposable
{
    private CqlSession? _session;

    public CassandraOptions Options { get; } = options.Value;

    public bool IsConnected => _session is not null;

    private CqlSession Session => _session ?? throw new InvalidOperationException("The Cassandra store is not initialised yet.");

    public async Task InitializeAsync(CancellationToken ct)
    {
        if (!Options.HasValidKeyspaceName)
        {
            throw new InvalidOperationException($"Cassandra:Keyspace '{Options.Keyspace}' must be lower-case letters, digits and underscores.");
        }
        // The keyspace must exist before a session can USE it, so it is made over a first session without one.
        await using (var bootstrap = await ConnectAsync(keyspace: null, ct))
        {
            await bootstrap.ExecuteAsync(CassandraSchema.CreateKeyspace(Options.Keyspace, Options.ReplicationCql()), null, Schema, ct);
            await CassandraSchema.WaitForAgreementAsync(bootstrap, ct);
        }
        var session = await ConnectAsync(Options.Keyspace, ct);
        foreach (var table in CassandraSchema.Tables.Concat(CassandraOutbox.Tables))
        {
            await session.ExecuteAsync(table, null, Schema, ct);
        }
        await CassandraSchema.WaitForAgreementAsync(session, ct);
        _session = session;
    }

    /// <summary>Schema changes go to all nodes of the cluster; a generous timeout, since they take seconds on a busy one.</summary>
    private QueryOptions Schema => new() { Consistency = Options.Consistency, Timeout = TimeSpan.FromSeconds(30) };

    private async Task<CqlSession> ConnectAsync(string? keyspace, CancellationToken ct)
    {
        var cluster = new CqlCluster(new CqlClusterOptions
        {
            ContactPoints = Options.ContactPoints,
            Port = Options.Port,
            Keyspace = keyspace,
            Credentials = Options.Username is { Length: > 0 } user ? new CqlCredentials(user, Options.Password ?? "") : null,
            DefaultConsistency = Options.Consistency,
            Tls = Options.Tls.ToCql(),
        });
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await cluster.ConnectAsync(ct);
            }
            catch (CqlException e) when (attempt < Options.ConnectAttempts && e is NoHostAvailableException or CqlConnectionException)
            {
                logger.LogWarning("Cassandra at {ContactPoints} is not reachable yet (attempt {Attempt}): {Reason}",
                    string.Join(",", Options.ContactPoints), attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), ct);
            }
        }
    }

    public async Task<RowSet> ExecuteAsync(string cql, IReadOnlyList<object?> values, CancellationToken ct, int? pageSize = null, byte[]? pagingState = null)
    {
        var statement = await Session.PrepareAsync(cql, ct);
        return await Session.ExecuteAsync(statement, values, new QueryOptions
        {
            Consistency = Options.Consistency,
            SerialConsistency = Options.SerialConsistency,
            PageSize = pageSize,
            PagingState = pagingState,
        }, ct);
    }

    /// <summary>Every row of a query, page after page (for partitions known to be bounded).</summary>
    public async IAsyncEnumerable<Row> ReadAllAsync(string cql, IReadOnlyList<object?> values, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct, int pageSize = 500)
    {
        byte[]? pagingState = null;
        do
        {
            var page = await ExecuteAsync(cql, values, ct, pageSize, pagingState);
            foreach (var row in page)
            {
                yield return row;
            }
            pagingState = page.PagingState;
        }
        while (pagingState is not null);
    }

    /// <summary>Runs statements together as one logged batch: all of them happen or (after a retry) none is lost.</summary>
    public async Task BatchAsync(IEnumerable<(string Cql, object?[] Values)> statements, CancellationToken ct, BatchType type = BatchType.Logged)
    {
        var batch = new CqlBatch(type);
        foreach (var (cql, values) in statements)
        {
            batch.Add(await Session.PrepareAsync(cql, ct), values);
        }
        if (batch.Entries.Count > 0)
        {
            await Session.BatchAsync(batch, new QueryOptions { Consistency = Options.Consistency }, ct);
        }
    }

    /// <summary>
    /// Runs the change's statements and the rows of its <paramref name="events"/> as one logged
    /// batch, so the change is never applied without its announcement or the other way round; the
    /// relay is woken once it is.
    /// </summary>
    public async Task BatchAsync(IEnumerable<(string Cql, object?[] Values)> statements, IReadOnlyCollection<IntegrationEvent> events, CancellationToken ct)
    {
        await BatchAsync(statements.Concat(CassandraOutbox.Insert(events.Select(OutboxEnvelope.From))), ct);
        if (events.Count > 0)
        {
            outbox.Notify();
        }
    }

    /// <summary>Null as "not set": writing null would store a tombstone for nothing.</summary>
    public static object UnsetIfNull(object? value) => value ?? CqlUnset.Value;

    /// <summary>Whether a conditional write was applied (the first column of its result).</summary>
    public static bool Applied(RowSet result) => result.Count > 0 && result[0].Get<bool>("[applied]");

    public ValueTask DisposeAsync() => _session?.DisposeAsync() ?? ValueTask.CompletedTask;
}
