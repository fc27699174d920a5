using Polly;
using Polly.Retry;

namespace Tripmate.Cql.Connections;

/// <summary>
/// A few connections per contact point. Requests go to the first host that has (or can open) a
/// live connection, so a dead node is skipped; whole rounds over all hosts are retried with
/// backoff through Polly. Closed connections are replaced lazily on the next request.
/// </summary>
internal sealed class ConnectionPool : IAsyncDisposable
{
    private readonly ConnectionSettings _settings;
    private readonly ContactPoint[] _hosts;
    private readonly Task<CqlConnection>?[][] _slots;
    private readonly ResiliencePipeline _reconnect;
    private readonly Func<string, int, ConnectionSettings, CancellationToken, Task<CqlConnection>> _open;
    private int _preferredHost;
    private int _roundRobin;
    private bool _disposed;

    public ConnectionPool(CqlClusterOptions options, Func<string, int, ConnectionSettings, CancellationToken, Task<CqlConnection>>? open = null)
    {
        if (options.ContactPoints.Count == 0) throw new ArgumentException("At least one contact point is required.", nameof(options));
        if (options.ConnectionsPerHost < 1) throw new ArgumentException("ConnectionsPerHost must be at least 1.", nameof(options));
        _settings = ConnectionSettings.From(options);
        _open = open ?? CqlConnection.OpenAsync;
        _hosts = options.ContactPoints.Select(c => ContactPoint.Parse(c, options.Port)).ToArray();
        _slots = options.ContactPoints.Select(_ => new Task<CqlConnection>?[options.ConnectionsPerHost]).ToArray();
        _reconnect = options.Reconnect.MaxAttempts <= 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder()
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<NoHostAvailableException>(),
                    MaxRetryAttempts = options.Reconnect.MaxAttempts,
                    Delay = options.Reconnect.BaseDelay,
                    MaxDelay = options.Reconnect.MaxDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                })
                .Build();
    }

    public async Task<CqlConnection> GetAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        // Fast path: a live connection on the preferred host, no allocation of a retry context.
        if (TryGetOpen(Volatile.Read(ref _preferredHost)) is { } open) return open;
        return await _reconnect.ExecuteAsync(static (pool, token) => new ValueTask<CqlConnection>(pool.TryAllHostsAsync(token)), this, cancellationToken)
            .ConfigureAwait(false);
    }

    private CqlConnection? TryGetOpen(int host)
    {
        var slots = _slots[host];
        var start = (int)((uint)Interlocked.Increment(ref _roundRobin) % (uint)slots.Length);
        for (var i = 0; i < slots.Length; i++)
        {
            var slot = Volatile.Read(ref slots[(start + i) % slots.Length]);
            if (slot is { IsCompletedSuccessfully: true, Result.IsClosed: false }) return slot.Result;
        }
        return null;
    }

    private async Task<CqlConnection> TryAllHostsAsync(CancellationToken cancellationToken)
    {
        var first = Volatile.Read(ref _preferredHost);
        List<Exception>? failures = null;
        for (var offset = 0; offset < _slots.Length; offset++)
        {
            var host = (first + offset) % _slots.Length;
            try
            {
                var connection = await GetOrOpenAsync(host, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _preferredHost, host);
                return connection;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                (failures ??= []).Add(ex);
            }
        }
        throw new NoHostAvailableException(
            $"No contact point accepted a connection ({string.Join(", ", _hosts.AsEnumerable())}).",
            new AggregateException(failures!));
    }

    private async Task<CqlConnection> GetOrOpenAsync(int host, CancellationToken cancellationToken)
    {
        if (TryGetOpen(host) is { } open) return open;
        var slots = _slots[host];
        Task<CqlConnection>? inProgress = null;
        for (var i = 0; i < slots.Length; i++)
        {
            var current = Volatile.Read(ref slots[i]);
            if (current is { IsCompleted: false })
            {
                inProgress ??= current;
                continue;
            }
            if (current is { IsCompletedSuccessfully: true, Result.IsClosed: false }) return current.Result;
            // Only one caller replaces a dead slot; the others await the same attempt.
            var attempt = _open(_hosts[host].Host, _hosts[host].Port, _settings, CancellationToken.None);
            var winner = Interlocked.CompareExchange(ref slots[i], attempt, current);
            if (winner != current)
            {
                _ = attempt.ContinueWith(static t => t.Result.DisposeAsync(), CancellationToken.None,
                    TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
                attempt = winner!;
            }
            return await attempt.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        return await inProgress!.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        foreach (var slots in _slots)
        foreach (var slot in slots)
        {
            if (slot is null) continue;
            try
            {
                await (await slot.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
            }
            catch (CqlException)
            {
                // A slot whose connect attempt failed has nothing to close.
            }
        }
    }
}
