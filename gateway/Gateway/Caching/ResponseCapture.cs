using System.Buffers;

namespace Tripmate.Gateway.Caching;

/// <summary>
/// Holds a proxied answer in a pooled buffer until it has been queued for storage, then sends it;
/// so the next request already finds it. Whether to hold is asked once, at the first write or
/// flush, when the answer's status and headers are known: an answer its service did not mark
/// cacheable (an event stream, a download) goes on as it comes, and so does one larger than the limit.
/// </summary>
internal sealed class ResponseCapture(Stream client, int limit, Func<bool> holdAnswer) : Stream
{
    private byte[] _buffer = [];
    private int _length;
    private bool _decided;

    /// <summary>True while everything written is still held here, none of it sent.</summary>
    public bool IsHeld { get; private set; } = true;

    public ReadOnlySpan<byte> Held => _buffer.AsSpan(0, _length);

    public Task SendHeldAsync(CancellationToken cancellationToken) =>
        _length == 0 ? Task.CompletedTask : client.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        Decide();
        if (IsHeld && _length + data.Length <= limit)
        {
            Hold(data.Span);
            return;
        }

        if (IsHeld)
        {
            IsHeld = false;
            await SendHeldAsync(cancellationToken);
        }

        await client.WriteAsync(data, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <summary>Synchronous writes reach the client only where the server allows synchronous IO, as without the cache.</summary>
    public override void Write(ReadOnlySpan<byte> data)
    {
        Decide();
        if (IsHeld && _length + data.Length <= limit)
        {
            Hold(data);
            return;
        }

        if (IsHeld)
        {
            IsHeld = false;
            client.Write(_buffer, 0, _length);
        }

        client.Write(data);
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Decide();
        return IsHeld ? Task.CompletedTask : client.FlushAsync(cancellationToken);
    }

    public override void Flush()
    {
    }

    private void Decide()
    {
        if (!_decided)
        {
            _decided = true;
            IsHeld = holdAnswer();
            if (IsHeld)
            {
                _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit, 4096));
            }
        }
    }

    private void Hold(ReadOnlySpan<byte> data)
    {
        if (_length + data.Length > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(limit, Math.Max(_buffer.Length * 2, _length + data.Length)));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }

        base.Dispose(disposing);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
