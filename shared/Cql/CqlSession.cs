using System.Collections.Concurrent;
using Tripmate.Cql.Connections;
using Tripmate.Cql.Protocol;

namespace Tripmate.Cql;

/// <summary>
/// Runs statements on the cluster. Thread-safe; share one per application. Requests are not
/// retried automatically except EXECUTE after an Unprepared error (re-prepare, then once more);
/// callers decide with <see cref="CqlException.IsRetryable"/>.
/// </summary>
public sealed class CqlSession : IAsyncDisposable
{
    private readonly ConnectionPool _pool;
    private readonly CqlClusterOptions _options;
    private readonly ConcurrentDictionary<string, Task<PreparedStatement>> _prepared = new(StringComparer.Ordinal);

    internal CqlSession(ConnectionPool pool, CqlClusterOptions options)
    {
        _pool = pool;
        _options = options;
    }

    /// <summary>Runs CQL text with positional (or, with <see cref="QueryOptions.ValueNames"/>, named) values.</summary>
    public Task<RowSet> ExecuteAsync(string cql, IReadOnlyList<object?>? values = null, QueryOptions? options = null, CancellationToken cancellationToken = default) =>
        CqlTelemetry.TraceAsync(CqlTelemetry.Operation(cql), cql, () => ExecuteTextAsync(cql, values, options, cancellationToken));

    private async Task<RowSet> ExecuteTextAsync(string cql, IReadOnlyList<object?>? values, QueryOptions? options, CancellationToken cancellationToken)
    {
        options ??= QueryOptions.Default;
        var parameters = Resolve(options);
        var timeout = TimeoutOf(options);
        var (_, response) = await SendAsync(
            connection => connection.SendAsync((frame, id) => RequestWriter.WriteQuery(frame, id, cql, values, parameters), null, timeout, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return ToRowSet(response);
    }

    /// <summary>Prepares once per CQL text and session; later calls return the cached statement.</summary>
    public Task<PreparedStatement> PrepareAsync(string cql, CancellationToken cancellationToken = default) =>
        CqlTelemetry.TraceAsync("PREPARE", cql, () => PrepareCachedAsync(cql, cancellationToken));

    private async Task<PreparedStatement> PrepareCachedAsync(string cql, CancellationToken cancellationToken)
    {
        var task = _prepared.GetOrAdd(cql, text => PrepareOnAnyNodeAsync(text));
        try
        {
            return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (task.IsFaulted || task.IsCanceled)
        {
            // Do not cache failures: the next call should try again.
            _prepared.TryRemove(new KeyValuePair<string, Task<PreparedStatement>>(cql, task));
            throw;
        }
    }

    public Task<RowSet> ExecuteAsync(PreparedStatement statement, IReadOnlyList<object?>? values = null, QueryOptions? options = null, CancellationToken cancellationToken = default) =>
        CqlTelemetry.TraceAsync(CqlTelemetry.Operation(statement.Cql), statement.Cql, () => ExecutePreparedAsync(statement, values, options, cancellationToken));

    private async Task<RowSet> ExecutePreparedAsync(PreparedStatement statement, IReadOnlyList<object?>? values, QueryOptions? options, CancellationToken cancellationToken)
    {
        options ??= QueryOptions.Default;
        var parameters = Resolve(options);
        var timeout = TimeoutOf(options);
        var (connection, response) = await SendAsync(
            connection => SendExecuteAsync(connection, statement, values, parameters, timeout, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (response is ErrorMessage { Error: UnpreparedException })
        {
            await RePrepareAsync(connection, statement, timeout, cancellationToken).ConfigureAwait(false);
            response = await SendExecuteAsync(connection, statement, values, parameters, timeout, cancellationToken).ConfigureAwait(false);
        }
        return ToRowSet(response);
    }

    public Task<RowSet> BatchAsync(CqlBatch batch, QueryOptions? options = null, CancellationToken cancellationToken = default) =>
        CqlTelemetry.TraceAsync("BATCH", string.Join(";\n", batch.Entries.Select(e => e.Prepared?.Cql ?? e.Cql)), () => RunBatchAsync(batch, options, cancellationToken));

    private async Task<RowSet> RunBatchAsync(CqlBatch batch, QueryOptions? options, CancellationToken cancellationToken)
    {
        options ??= QueryOptions.Default;
        var parameters = Resolve(options);
        var timeout = TimeoutOf(options);
        var (connection, response) = await SendAsync(
            connection => SendBatchAsync(connection, batch, parameters, timeout, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (response is ErrorMessage { Error: UnpreparedException unprepared }
            && batch.Entries.FirstOrDefault(e => e.Prepared?.Id.Span.SequenceEqual(unprepared.UnknownId) == true)?.Prepared is { } statement)
        {
            await RePrepareAsync(connection, statement, timeout, cancellationToken).ConfigureAwait(false);
            response = await SendBatchAsync(connection, batch, parameters, timeout, cancellationToken).ConfigureAwait(false);
        }
        return ToRowSet(response);
    }

    private static Task<ResponseMessage> SendExecuteAsync(CqlConnection connection, PreparedStatement statement, IReadOnlyList<object?>? values, QueryParameters parameters, TimeSpan timeout, CancellationToken cancellationToken) =>
        connection.SendAsync(
            (frame, id) => RequestWriter.WriteExecute(frame, id, statement.Id.Span, values, statement.Variables, parameters),
            null, timeout, cancellationToken);

    private static Task<ResponseMessage> SendBatchAsync(CqlConnection connection, CqlBatch batch, QueryParameters parameters, TimeSpan timeout, CancellationToken cancellationToken) =>
        connection.SendAsync((frame, id) => RequestWriter.WriteBatch(frame, id, batch, parameters), null, timeout, cancellationToken);

    private async Task<PreparedStatement> PrepareOnAnyNodeAsync(string cql)
    {
        var (_, response) = await SendAsync(
            connection => connection.SendAsync((frame, id) => RequestWriter.WritePrepare(frame, id, cql), null, _options.RequestTimeout, CancellationToken.None),
            CancellationToken.None).ConfigureAwait(false);
        var prepared = AsPrepared(response);
        return new PreparedStatement(cql, prepared.Id, prepared.Variables, prepared.PartitionKeyIndexes, prepared.ResultColumns);
    }

    /// <summary>The node forgot the id (restart): prepare again on that same node, since ids are per node.</summary>
    private static async Task RePrepareAsync(CqlConnection connection, PreparedStatement statement, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var prepared = await PrepareOnAsync(connection, statement.Cql, timeout, cancellationToken).ConfigureAwait(false);
        statement.ReplaceId(prepared.Id);
    }

    private static async Task<PreparedMessage> PrepareOnAsync(CqlConnection connection, string cql, TimeSpan timeout, CancellationToken cancellationToken) =>
        AsPrepared(await connection.SendAsync((frame, id) => RequestWriter.WritePrepare(frame, id, cql), null, timeout, cancellationToken).ConfigureAwait(false));

    private static PreparedMessage AsPrepared(ResponseMessage response) =>
        response switch
        {
            PreparedMessage prepared => prepared,
            ErrorMessage error => throw error.Error,
            _ => throw new CqlResponseFormatException($"Expected a Prepared result, got {response.GetType().Name}."),
        };

    /// <summary>
    /// Sends on a pooled connection. A request that never reached the server (its connection was
    /// found closed) is safe to send once more, on a fresh connection; anything else is the caller's call.
    /// </summary>
    private async Task<(CqlConnection Connection, ResponseMessage Response)> SendAsync(Func<CqlConnection, Task<ResponseMessage>> send, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var connection = await _pool.GetAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return (connection, await send(connection).ConfigureAwait(false));
            }
            catch (CqlConnectionException error) when (!error.RequestWasSent && attempt == 0)
            {
            }
        }
    }

    private QueryParameters Resolve(QueryOptions options) => new(
        options.Consistency ?? _options.DefaultConsistency,
        options.PageSize ?? _options.DefaultPageSize,
        options.PagingState,
        options.SerialConsistency,
        options.TimestampMicros,
        SkipMetadata: false, // v4 has no result-metadata id, so cached metadata could silently go stale after ALTER TABLE.
        options.Tracing,
        options.ValueNames);

    private TimeSpan TimeoutOf(QueryOptions options) => options.Timeout ?? _options.RequestTimeout;

    private static RowSet ToRowSet(ResponseMessage response) => response switch
    {
        ResultMessage result => result.RowSet,
        ErrorMessage error => throw error.Error,
        _ => throw new CqlResponseFormatException($"Expected a RESULT, got {response.GetType().Name}."),
    };

    public ValueTask DisposeAsync() => _pool.DisposeAsync();
}
