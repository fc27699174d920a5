using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Tripmate.Neo4j.Errors;
using Tripmate.Neo4j.Http;

namespace Tripmate.Neo4j;

/// <summary>
/// Runs Cypher on Neo4j over the HTTP Query API. Every run carries the bookmarks of the last
/// commit this client saw, so a read after a write sees the write (on a cluster too). Units of
/// work are retried with backoff on transient errors and connection failures, never on client
/// errors; a retried unit runs again from its start, so units must be safe to repeat (MERGE, or
/// conditions the repeat finds already true), as with Neo4j's own drivers.
/// </summary>
public sealed class Neo4jClient
{
    private readonly HttpClient _http;
    private readonly Neo4jOptions _options;
    private readonly ResiliencePipeline _retry;
    private readonly object _bookmarksLock = new();
    private IReadOnlyList<string> _bookmarks = [];

    public Neo4jClient(HttpClient http, IOptions<Neo4jOptions> options)
    {
        _http = http;
        _options = options.Value;
        var pipeline = new ResiliencePipelineBuilder();
        if (_options.MaxRetries > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Neo4jException>(e => e.IsTransient),
                MaxRetryAttempts = _options.MaxRetries,
                Delay = _options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }

        _retry = pipeline.Build();
    }

    internal string Database => _options.Database;

    /// <summary>The database's query path, e.g. <c>/db/neo4j/query/v2</c>.</summary>
    internal string QueryPath => $"db/{Uri.EscapeDataString(_options.Database)}/query/v2";

    /// <summary>The bookmarks of the last commit this client saw: pass them to another client (<see cref="Neo4jRunOptions.Bookmarks"/>) that must see it.</summary>
    public IReadOnlyList<string> LastBookmarks
    {
        get { lock (_bookmarksLock) { return _bookmarks; } }
    }

    /// <summary>One statement in its own (implicit) transaction, retried as a whole on transient failures.</summary>
    public Task<QueryResult> RunAsync(CypherStatement statement, AccessMode mode, CancellationToken ct) => RunAsync(statement, mode, null, ct);

    /// <inheritdoc cref="RunAsync(CypherStatement, AccessMode, CancellationToken)"/>
    public Task<QueryResult> RunAsync(CypherStatement statement, AccessMode mode, Neo4jRunOptions? options, CancellationToken ct) =>
        _retry.ExecuteAsync(async token =>
        {
            var body = QueryApiProtocol.RequestBody(statement, mode, QueryApiProtocol.Bookmarks(LastBookmarks, options), options);
            var result = await Neo4jTelemetry.TraceAsync(statement, _options.Database, async () =>
                (await SendAsync(HttpMethod.Post, QueryPath, body, null, token)).Result);
            Remember(result.Bookmarks);
            return result;
        }, ct).AsTask();

    /// <summary>
    /// <paramref name="work"/> in one explicit transaction (<c>/query/v2/tx</c>), committed when it
    /// returns and rolled back when it throws; the whole of it runs again after a transient failure.
    /// </summary>
    public Task<T> ExecuteWriteAsync<T>(Func<Neo4jTransaction, CancellationToken, Task<T>> work, CancellationToken ct) =>
        ExecuteWriteAsync(work, null, ct);

    /// <inheritdoc cref="ExecuteWriteAsync{T}(Func{Neo4jTransaction, CancellationToken, Task{T}}, CancellationToken)"/>
    public Task<T> ExecuteWriteAsync<T>(Func<Neo4jTransaction, CancellationToken, Task<T>> work, Neo4jRunOptions? options, CancellationToken ct) =>
        _retry.ExecuteAsync(async token =>
        {
            await using var transaction = new Neo4jTransaction(this, AccessMode.Write, QueryApiProtocol.Bookmarks(LastBookmarks, options), options);
            var result = await work(transaction, token);
            await transaction.CommitAsync(token);
            return result;
        }, ct).AsTask();

    internal void Remember(IReadOnlyList<string> bookmarks)
    {
        if (bookmarks.Count > 0)
        {
            lock (_bookmarksLock)
            {
                _bookmarks = bookmarks;
            }
        }
    }

    internal async Task<(QueryResult Result, string? TransactionId, string? Affinity)> SendAsync(
        HttpMethod method, string path, byte[]? body, string? affinity, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.ParseAdd(QueryApiProtocol.Accept);
        if (_options.BearerToken is { Length: > 0 } token)
        {
            request.Headers.Authorization = QueryApiProtocol.BearerAuthorization(token);
        }
        else if (_options.Username is { Length: > 0 } user)
        {
            request.Headers.Authorization = QueryApiProtocol.BasicAuthorization(user, _options.Password ?? "");
        }

        if (affinity is not null)
        {
            request.Headers.TryAddWithoutValidation(QueryApiProtocol.AffinityHeader, affinity);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(QueryApiProtocol.MediaType);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var (result, transactionId) = QueryApiProtocol.ReadAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text);
            var answeredAffinity = response.Headers.TryGetValues(QueryApiProtocol.AffinityHeader, out var values) ? values.FirstOrDefault() : null;
            return (result, transactionId, answeredAffinity ?? affinity);
        }
        catch (HttpRequestException e)
        {
            throw new Neo4jUnavailableException($"Neo4j at {_http.BaseAddress} could not be reached: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new Neo4jUnavailableException($"Neo4j at {_http.BaseAddress} did not answer within {_options.RequestTimeout.TotalSeconds:0.#} s.", e);
        }
    }
}
