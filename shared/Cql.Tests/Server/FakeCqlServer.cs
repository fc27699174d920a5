using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Tripmate.Cql.Tests.Oracle;

namespace Tripmate.Cql.Tests.Server;

/// <summary>A request frame as the fake server saw it.</summary>
internal sealed record ServerRequest(short StreamId, byte Opcode, byte[] Body, FakeServerConnection Connection)
{
    public const byte Query = 0x07, Prepare = 0x09, Execute = 0x0A, Batch = 0x0D;

    /// <summary>The [long string] that opens QUERY and PREPARE bodies.</summary>
    public string Text => Encoding.UTF8.GetString(Body, 4, BinaryPrimitives.ReadInt32BigEndian(Body));

    /// <summary>The [short bytes] id that opens an EXECUTE body.</summary>
    public byte[] PreparedId => Body.AsSpan(2, BinaryPrimitives.ReadUInt16BigEndian(Body)).ToArray();

    public Task ReplyAsync(SpecFrameWriter body, byte opcode) => Connection.SendAsync(body.Frame(opcode, StreamId));
}

/// <summary>
/// A tiny protocol-speaking server used ONLY for connection behaviour the oracle cannot cover
/// (multiplexing, drops, failover, timeouts, frame limits, events, re-prepare). It answers the
/// handshake itself and hands every other request to the test's handler, concurrently.
/// </summary>
internal sealed class FakeCqlServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<FakeServerConnection> _connections = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private int _accepted;

    public FakeCqlServer(Func<ServerRequest, Task> handler)
    {
        Handler = handler;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptLoopAsync();
    }

    public Func<ServerRequest, Task> Handler { get; set; }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public int AcceptedConnections => Volatile.Read(ref _accepted);

    /// <summary>When set, STARTUP is answered with AUTHENTICATE and these credentials are checked.</summary>
    public (string User, string Password)? RequiredCredentials { get; init; }

    public ConcurrentQueue<string> HandshakeLog { get; } = new();

    /// <summary>A rows result with one int column "n" and the given values.</summary>
    public static SpecFrameWriter IntRows(params int[] values)
    {
        var w = new SpecFrameWriter().Int(2).Int(1).Int(1).String("ks").String("t").String("n").Option("int").Int(values.Length);
        foreach (var v in values) w.Cell("int", v);
        return w;
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                Interlocked.Increment(ref _accepted);
                var connection = new FakeServerConnection(socket, this);
                _connections.Add(connection);
                _ = connection.RunAsync(_stop.Token);
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
    }

    internal async Task HandleAsync(ServerRequest request)
    {
        switch (request.Opcode)
        {
            case 0x01: // STARTUP
                HandshakeLog.Enqueue("STARTUP");
                if (RequiredCredentials is null) await request.ReplyAsync(new SpecFrameWriter(), 0x02);
                else await request.ReplyAsync(new SpecFrameWriter().String("org.apache.cassandra.auth.PasswordAuthenticator"), 0x03);
                return;
            case 0x0F: // AUTH_RESPONSE
                var token = request.Body.AsSpan(4).ToArray();
                var expected = Encoding.UTF8.GetBytes($"\0{RequiredCredentials!.Value.User}\0{RequiredCredentials.Value.Password}");
                HandshakeLog.Enqueue("AUTH_RESPONSE");
                if (token.AsSpan().SequenceEqual(expected)) await request.ReplyAsync(new SpecFrameWriter().Bytes(null), 0x10);
                else await request.ReplyAsync(new SpecFrameWriter().Int(0x0100).String("Bad credentials"), 0x00);
                return;
            case ServerRequest.Query when request.Text.StartsWith("USE ", StringComparison.Ordinal):
                HandshakeLog.Enqueue(request.Text);
                await request.ReplyAsync(new SpecFrameWriter().Int(3).String(request.Text[5..^1]), 0x08);
                return;
            default:
                await Handler(request);
                return;
        }
    }

    /// <summary>Closes every open client connection, as a crashing node would.</summary>
    public void DropAllConnections()
    {
        foreach (var connection in _connections) connection.Close();
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        DropAllConnections();
        await _acceptLoop;
    }
}

internal sealed class FakeServerConnection(Socket socket, FakeCqlServer server)
{
    private readonly NetworkStream _stream = new(socket, ownsSocket: true);
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public async Task RunAsync(CancellationToken stop)
    {
        var header = new byte[9];
        try
        {
            while (true)
            {
                await _stream.ReadExactlyAsync(header, stop);
                var body = new byte[BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(5))];
                await _stream.ReadExactlyAsync(body, stop);
                var request = new ServerRequest(BinaryPrimitives.ReadInt16BigEndian(header.AsSpan(2)), header[4], body, this);
                // Handled concurrently so a test can hold some requests and answer others first.
                _ = Task.Run(() => server.HandleAsync(request), CancellationToken.None);
            }
        }
        catch (Exception)
        {
            Close();
        }
    }

    public async Task SendAsync(byte[] frame)
    {
        await _writeLock.WaitAsync();
        try
        {
            await _stream.WriteAsync(frame);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
        {
            // The client is gone; nothing to answer.
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Close()
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception)
        {
            // Already closed.
        }
        socket.Dispose();
    }
}
