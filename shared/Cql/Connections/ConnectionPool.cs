using Polly;
using Polly.Retry;

namespace Tripmate.Cql.Connections;

/// <summary>
/// A few connections per contact point. Requests go to the first host that has (or can open) a
/// live connection, so a dead node is skipped; whole rounds over all hosts are retried with
/// backoff through Polly. Requests rotate over a host's slots; an empty or closed slot is
/// (re)opened in the background while the request uses another live one. A host that refused
/// a connection is tried last until <see cref="ReconnectOptions.MaxDelay"/> has passed.
/// </summary>
internal sealed class ConnectionPool : IAsyncDisposable
{
    private readonly ConnectionSettings _settings;
    private readonly ContactPoint[] _hosts;
    private readonly Task<CqlConnection>?[][] _slots;
    private readonly ResiliencePipeline _reconnect;
    private readonly Func<string, int, ConnectionSettings, CancellationToken, Task<CqlConnection>> _open;
    private readonly long[] _downUntilTicks;
    private readonly TimeSpan _downFor;
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
        _downUntilTicks = new long[_hosts.Length];
        _downFor = options.Reconnect.MaxDelay;
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
            var index = (start + i) % slots.Length;
            var slot = Volatile.Read(ref slots[index]);
            if (slot is { IsCompletedSuccessfully: true, Result.IsClosed: false }) return slot.Result;
            // Fill the pool up to ConnectionsPerHost without making this request wait for it.
            if (i == 0 && slot is not { IsCompleted: false } && AnyOpen(slots)) _ = ReplaceSlot(host, index, slot);
        }
        return null;
    }

    private static bool AnyOpen(Task<CqlConnection>?[] slots) =>
        slots.Any(slot => slot is { IsCompletedSuccessfully: true, Result.IsClosed: false });

    private async Task<CqlConnection> TryAllHostsAsync(CancellationToken cancellationToken)
    {
        var first = Volatile.Read(ref _preferredHost);
        var now = Environment.TickCount64;
        // Hosts that recently refused go last, so a dead node costs a connect attempt only when nothing else works.
        var order = Enumerable.Range(0, _hosts.Length).Select(offset => (first + offset) % _hosts.Length)
            .OrderBy(host => Volatile.Read(ref _downUntilTicks[host]) > now);
        List<Exception>? failures = null;
        foreach (var host in order)
        {
            try
            {
                var connection = await GetOrOpenAsync(host, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _preferredHost, host);
                return connection;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Volatile.Write(ref _downUntilTicks[host], Environment.TickCount64 + (long)_downFor.TotalMilliseconds);
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
            return await ReplaceSlot(host, i, current).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        return await inProgress!.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Only one caller replaces a dead slot; the others get the same attempt.</summary>
    private Task<CqlConnection> ReplaceSlot(int host, int index, Task<CqlConnection>? dead)
    {
        var slots = _slots[host];
        var attempt = _open(_hosts[host].Host, _hosts[host].Port, _settings, CancellationToken.None);
        var winner = Interlocked.CompareExchange(ref slots[index], attempt, dead);
        if (winner == dead)
        {
            // Background fills are not awaited by anyone; observe their failure here.
            _ = attempt.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return attempt;
        }
        _ = attempt.ContinueWith(static t => t.Result.DisposeAsync(), CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        return winner!;
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
