using System.Buffers;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using Tripmate.Cql.Protocol;

namespace Tripmate.Cql.Connections;

/// <summary>
/// One TCP connection (in TLS when the options say so) multiplexing many requests, matched to
/// responses by stream id. A single reader loop owns the input; writers take turns through a lock
/// so frames never interleave (also what SslStream needs: one reader and one writer at a time).
/// </summary>
internal sealed class CqlConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly ConnectionSettings _settings;
    private readonly StreamIdPool _streamIds = new();
    private readonly PendingRequest?[] _pending = new PendingRequest?[StreamIdPool.MaxStreams];
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _closeReason;
    private Task _readLoop = Task.CompletedTask;

    private CqlConnection(Socket socket, Stream stream, string host, ConnectionSettings settings)
    {
        _socket = socket;
        _stream = stream;
        _settings = settings;
        Host = host;
    }

    public string Host { get; }

    internal ConnectionSettings SettingsForHandshake => _settings;

    public bool IsClosed => _closed.Task.IsCompleted;

    /// <summary>Completes when the connection is closed, for whatever reason.</summary>
    public Task Closed => _closed.Task;

    public static async Task<CqlConnection> OpenAsync(string host, int port, ConnectionSettings settings, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        CqlConnection? connection = null;
        try
        {
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connectTimeout.CancelAfter(settings.ConnectTimeout);
                await socket.ConnectAsync(host, port, connectTimeout.Token).ConfigureAwait(false);
                stream = new NetworkStream(socket, ownsSocket: true);
                if (settings.Tls is { } tls)
                {
                    var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                    stream = ssl;
                    await ssl.AuthenticateAsClientAsync(tls.ForHost(host), connectTimeout.Token).ConfigureAwait(false);
                }
            }
            connection = new CqlConnection(socket, stream, host, settings);
            connection._readLoop = Task.Run(connection.ReadLoopAsync, CancellationToken.None);
            await ConnectionHandshake.RunAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception ex)
        {
            if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
            else if (stream is not null) await stream.DisposeAsync().ConfigureAwait(false);
            else socket.Dispose();
            if (ex is CqlException) throw;
            throw new CqlConnectionException($"Could not connect to {host}:{port}: {ex.Message}", requestWasSent: false, ex);
        }
    }

    /// <summary>Sends one request and waits for its response; ERROR responses are returned, not thrown.</summary>
    /// <param name="write">Writes the whole frame for the stream id it is given.</param>
    /// <param name="knownResultColumns">Used to decode Rows that arrive without metadata.</param>
    public async Task<ResponseMessage> SendAsync(Action<FrameBuilder, short> write, IReadOnlyList<CqlColumn>? knownResultColumns, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ThrowIfClosed(requestWasSent: false);
        var streamId = await _streamIds.RentAsync(cancellationToken).ConfigureAwait(false);
        var pending = new PendingRequest(knownResultColumns);
        try
        {
            using var frame = new FrameBuilder();
            write(frame, streamId);
            if (frame.Length - FrameHeader.Size > _settings.MaxFrameSizeBytes)
                throw new CqlFrameTooLargeException($"The request body is {frame.Length - FrameHeader.Size} bytes, over the {_settings.MaxFrameSizeBytes}-byte limit.");
            _pending[streamId] = pending;
            await WriteFrameAsync(frame.Written, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Nothing (or not all) reached the server, so no response can arrive on this id.
            _pending[streamId] = null;
            _streamIds.Return(streamId);
            throw;
        }
        // On timeout the id stays reserved until the late response arrives, so it is never
        // matched to a newer request; the reader loop releases it.
        return await pending.Completion.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteFrameAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfClosed(requestWasSent: false);
            // The caller's token must not cut a frame in half, so only closing the connection aborts a write.
            await _stream.WriteAsync(frame, _lifetime.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            Close(ex);
            throw new CqlConnectionException($"Connection to {Host} failed while sending: {ex.Message}", requestWasSent: true, ex);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        var input = PipeReader.Create(_stream, new StreamPipeReaderOptions(leaveOpen: true));
        var frames = new FrameSplitter(_settings.MaxFrameSizeBytes);
        Exception? reason = null;
        try
        {
            while (true)
            {
                var read = await input.ReadAsync(_lifetime.Token).ConfigureAwait(false);
                var buffer = read.Buffer;
                while (frames.TryRead(ref buffer, out var frame)) Dispatch(frame);
                input.AdvanceTo(buffer.Start, buffer.End);
                if (read.IsCompleted) break;
            }
            reason = new CqlConnectionException($"Connection to {Host} was closed by the server.", requestWasSent: true);
        }
        catch (Exception ex)
        {
            reason = ex;
        }
        finally
        {
            await input.CompleteAsync().ConfigureAwait(false);
            Close(reason);
        }
    }

    private void Dispatch(in SplitFrame frame)
    {
        // EVENT frames are pushed with negative ids; this client does not REGISTER, so any that arrive are ignored.
        if (frame.Header.IsServerPush) return;
        var streamId = frame.Header.StreamId;
        var pending = Interlocked.Exchange(ref _pending[streamId], null);
        if (pending is null) return;
        _streamIds.Return(streamId);
        if (frame.TooLarge)
        {
            pending.Completion.TrySetException(new CqlFrameTooLargeException(
                $"The response body is {frame.Header.BodyLength} bytes, over the {_settings.MaxFrameSizeBytes}-byte limit; it was discarded."));
            return;
        }
        try
        {
            pending.Completion.TrySetResult(ResponseReader.Read(frame.Header, frame.Body, pending.KnownResultColumns));
        }
        catch (Exception ex)
        {
            // A body we cannot decode spoils only its own request: the frame length keeps the stream aligned.
            pending.Completion.TrySetException(ex);
        }
    }

    private void ThrowIfClosed(bool requestWasSent)
    {
        if (IsClosed)
            throw new CqlConnectionException($"Connection to {Host} is closed: {_closeReason?.Message}", requestWasSent, _closeReason);
    }

    private void Close(Exception? reason)
    {
        lock (_pending)
        {
            if (IsClosed) return;
            _closeReason = reason;
            _closed.TrySetResult();
        }
        _lifetime.Cancel();
        _socket.Dispose();
        var failure = new CqlConnectionException($"Connection to {Host} was lost: {reason?.Message}", requestWasSent: true, reason);
        for (var i = 0; i < _pending.Length; i++)
            Interlocked.Exchange(ref _pending[i], null)?.Completion.TrySetException(failure);
    }

    public async ValueTask DisposeAsync()
    {
        Close(new ObjectDisposedException(nameof(CqlConnection)));
        await _readLoop.ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        _lifetime.Dispose();
    }

    private sealed class PendingRequest(IReadOnlyList<CqlColumn>? knownResultColumns)
    {
        public IReadOnlyList<CqlColumn>? KnownResultColumns { get; } = knownResultColumns;

        public TaskCompletionSource<ResponseMessage> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
