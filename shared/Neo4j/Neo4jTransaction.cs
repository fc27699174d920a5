using Tripmate.Neo4j.Http;

namespace Tripmate.Neo4j;

/// <summary>
/// An explicit transaction: opened by its first statement (<c>POST .../tx</c>), which also carries
/// the client's bookmarks and the run's options (impersonation, server-side timeout); every later request goes to <c>.../tx/{id}</c> with the cluster member's
/// <c>neo4j-cluster-affinity</c> echoed. Disposing one not committed rolls it back.
/// </summary>
public sealed class Neo4jTransaction : IAsyncDisposable
{
    private readonly Neo4jClient _client;
    private readonly AccessMode _mode;
    private readonly IReadOnlyCollection<string> _bookmarks;
    private readonly Neo4jRunOptions? _options;
    private string? _id;
    private string? _affinity;
    private bool _finished;

    internal Neo4jTransaction(Neo4jClient client, AccessMode mode, IReadOnlyCollection<string> bookmarks, Neo4jRunOptions? options)
    {
        _client = client;
        _mode = mode;
        _bookmarks = bookmarks;
        _options = options;
    }

    public Task<QueryResult> RunAsync(CypherStatement statement, CancellationToken ct) =>
        Neo4jTelemetry.TraceAsync(statement, _client.Database, () => SendAsync(statement, ct));

    private async Task<QueryResult> SendAsync(CypherStatement statement, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (_id is null)
        {
            var (result, id, affinity) = await _client.SendAsync(
                HttpMethod.Post, $"{_client.QueryPath}/tx", QueryApiProtocol.RequestBody(statement, _mode, _bookmarks, _options), null, ct);
            (_id, _affinity) = (id ?? throw new Errors.Neo4jProtocolException("Opening a transaction answered no transaction id."), affinity);
            return result;
        }

        var answer = await _client.SendAsync(HttpMethod.Post, TransactionPath(), QueryApiProtocol.RequestBody(statement, null, []), _affinity, ct);
        _affinity = answer.Affinity;
        return answer.Result;
    }

    /// <summary>Makes the statements run so far durable; the commit's bookmarks become the client's.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;
        if (_id is null)
        {
            return; // nothing ran
        }

        var (result, _, _) = await _client.SendAsync(HttpMethod.Post, $"{TransactionPath()}/commit", null, _affinity, ct);
        _client.Remember(result.Bookmarks);
    }

    public async Task RollbackAsync(CancellationToken ct)
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        if (_id is not null)
        {
            await _client.SendAsync(HttpMethod.Delete, TransactionPath(), null, _affinity, ct);
        }
    }

    private string TransactionPath() => $"{_client.QueryPath}/tx/{Uri.EscapeDataString(_id!)}";

    /// <summary>Best effort: a failed rollback leaves the server to expire the transaction (60 s idle by default).</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await RollbackAsync(CancellationToken.None);
        }
        catch (Errors.Neo4jException)
        {
        }
    }
}
