namespace Tripmate.Cql.Connections;

/// <summary>
/// Hands out stream ids 0..32767 (spec section 2.3). Waiting when all are in use keeps the
/// connection from ever reusing an id whose response may still arrive.
/// </summary>
internal sealed class StreamIdPool(int capacity = StreamIdPool.MaxStreams) : IDisposable
{
    public const int MaxStreams = 32768;

    private readonly SemaphoreSlim _available = new(capacity, capacity);
    private readonly Stack<short> _released = new();
    private readonly object _gate = new();
    private int _neverUsed;

    public async ValueTask<short> RentAsync(CancellationToken cancellationToken)
    {
        await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            return _released.Count > 0 ? _released.Pop() : (short)_neverUsed++;
        }
    }

    public void Return(short id)
    {
        lock (_gate) _released.Push(id);
        _available.Release();
    }

    public void Dispose() => _available.Dispose();
}
