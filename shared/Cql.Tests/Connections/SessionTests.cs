using System.Buffers.Binary;
using Tripmate.Cql.Tests.Oracle;
using Tripmate.Cql.Tests.Server;

namespace Tripmate.Cql.Tests.Connections;

public sealed class SessionTests
{
    private static SpecFrameWriter PreparedResult(byte[] id) => new SpecFrameWriter().Int(4).ShortBytes(id)
        .Int(1).Int(1).Int(1).Short(0).String("ks").String("t").String("k").Option("int")
        .Int(1).Int(1).String("ks").String("t").String("n").Option("int");

    [Fact]
    public async Task Unprepared_error_makes_the_session_reprepare_and_retry_once()
    {
        byte[] staleId = [0xAA], freshId = [0xBB];
        var prepares = 0;
        var executedIds = new List<string>();
        await using var server = new FakeCqlServer(request =>
        {
            switch (request.Opcode)
            {
                case ServerRequest.Prepare:
                    return request.ReplyAsync(PreparedResult(Interlocked.Increment(ref prepares) == 1 ? staleId : freshId), 0x08);
                case ServerRequest.Execute:
                    lock (executedIds) executedIds.Add(Convert.ToHexString(request.PreparedId));
                    return request.PreparedId.SequenceEqual(freshId)
                        ? request.ReplyAsync(FakeCqlServer.IntRows(11), 0x08)
                        : request.ReplyAsync(new SpecFrameWriter().Int(0x2500).String("unknown id").ShortBytes(request.PreparedId), 0x00);
                default:
                    return Task.CompletedTask;
            }
        });
        await using var session = await ClusterFactory.ConnectAsync(ClusterFactory.Options(server.Address));
        var statement = await session.PrepareAsync("SELECT n FROM t WHERE k = ?");

        var rows = await session.ExecuteAsync(statement, [1]);

        Assert.Equal(11, rows.Single().Get<int>("n"));
        Assert.Equal(["AA", "BB"], executedIds);
        Assert.Equal(2, prepares);
        Assert.Equal(freshId, statement.Id.ToArray());
    }

    [Fact]
    public async Task Unprepared_twice_in_a_row_surfaces_as_UnpreparedException()
    {
        var executes = 0;
        await using var server = new FakeCqlServer(request => request.Opcode switch
        {
            ServerRequest.Prepare => request.ReplyAsync(PreparedResult([0x01]), 0x08),
            ServerRequest.Execute when Interlocked.Increment(ref executes) > 0 =>
                request.ReplyAsync(new SpecFrameWriter().Int(0x2500).String("unknown id").ShortBytes(request.PreparedId), 0x00),
            _ => Task.CompletedTask,
        });
        await using var session = await ClusterFactory.ConnectAsync(ClusterFactory.Options(server.Address));
        var statement = await session.PrepareAsync("SELECT n FROM t WHERE k = ?");

        var error = await Assert.ThrowsAsync<UnpreparedException>(() => session.ExecuteAsync(statement, [1]));

        Assert.Equal([0x01], error.UnknownId);
        Assert.Equal(2, executes);
    }

    [Fact]
    public async Task Prepare_is_cached_per_cql_text()
    {
        var prepares = 0;
        await using var server = new FakeCqlServer(request =>
        {
            Interlocked.Increment(ref prepares);
            return request.ReplyAsync(PreparedResult([0x01]), 0x08);
        });
        await using var session = await ClusterFactory.ConnectAsync(ClusterFactory.Options(server.Address));

        var first = await session.PrepareAsync("SELECT n FROM t WHERE k = ?");
        var second = await session.PrepareAsync("SELECT n FROM t WHERE k = ?");

        Assert.Same(first, second);
        Assert.Equal(1, prepares);
        Assert.Equal("k", first.Variables.Single().Name);
        Assert.Equal([0], first.PartitionKeyIndexes);
        Assert.Equal("n", first.ResultColumns.Single().Name);
    }

    [Fact]
    public async Task Paging_state_of_a_page_is_sent_back_to_fetch_the_next_page()
    {
        byte[]? receivedPagingState = null;
        await using var server = new FakeCqlServer(request =>
        {
            // Body: [long string] query, [consistency], [byte] flags, [int] page size, then [bytes] paging state if flag 0x08.
            var offset = 4 + BinaryPrimitives.ReadInt32BigEndian(request.Body) + 2;
            var flags = request.Body[offset];
            if ((flags & 0x08) == 0)
            {
                var firstPage = new SpecFrameWriter().Int(2).Int(0x0003).Int(1).Bytes([0xAB, 0xCD]).String("ks").String("t").String("n").Option("int").Int(1).Cell("int", 1);
                return request.ReplyAsync(firstPage, 0x08);
            }
            var stateOffset = offset + 1 + 4;
            receivedPagingState = request.Body.AsSpan(stateOffset + 4, BinaryPrimitives.ReadInt32BigEndian(request.Body.AsSpan(stateOffset))).ToArray();
            return request.ReplyAsync(FakeCqlServer.IntRows(2), 0x08);
        });
        await using var session = await ClusterFactory.ConnectAsync(ClusterFactory.Options(server.Address));

        var page1 = await session.ExecuteAsync("SELECT n FROM t", options: new QueryOptions { PageSize = 1 });
        var page2 = await session.ExecuteAsync("SELECT n FROM t", options: new QueryOptions { PageSize = 1, PagingState = page1.PagingState });

        Assert.True(page1.HasMorePages);
        Assert.Equal([0xAB, 0xCD], receivedPagingState);
        Assert.False(page2.HasMorePages);
        Assert.Equal(2, page2.Single().Get<int>("n"));
    }

    [Fact]
    public async Task Password_authentication_sends_a_sasl_plain_token_then_use_keyspace()
    {
        await using var server = new FakeCqlServer(request => request.ReplyAsync(FakeCqlServer.IntRows(1), 0x08))
        {
            RequiredCredentials = ("app", "s3cret"),
        };
        var options = ClusterFactory.Options(server.Address) with { Credentials = new CqlCredentials("app", "s3cret"), Keyspace = "chat" };

        await using var session = await ClusterFactory.ConnectAsync(options);

        Assert.Equal(["STARTUP", "AUTH_RESPONSE", "USE \"chat\""], server.HandshakeLog);
    }

    [Fact]
    public async Task Wrong_password_fails_connect_with_an_authentication_error()
    {
        await using var server = new FakeCqlServer(_ => Task.CompletedTask) { RequiredCredentials = ("app", "s3cret") };
        var options = ClusterFactory.Options(server.Address) with { Credentials = new CqlCredentials("app", "wrong"), Reconnect = new ReconnectOptions { MaxAttempts = 0 } };

        var error = await Assert.ThrowsAsync<NoHostAvailableException>(() => ClusterFactory.ConnectAsync(options));

        Assert.IsType<AuthenticationErrorException>(((AggregateException)error.InnerException!).InnerExceptions.Single());
    }

    [Fact]
    public async Task Server_errors_surface_as_typed_exceptions_with_their_details()
    {
        await using var server = new FakeCqlServer(request =>
            request.ReplyAsync(new SpecFrameWriter().Int(0x1000).String("Cannot achieve consistency").Short(0x0004).Int(3).Int(1), 0x00));
        await using var session = await ClusterFactory.ConnectAsync(ClusterFactory.Options(server.Address));

        var error = await Assert.ThrowsAsync<UnavailableException>(() => session.ExecuteAsync("SELECT 1"));

        Assert.Equal((Consistency.Quorum, 3, 1, true), (error.Consistency, error.Required, error.Alive, error.IsRetryable));
    }

    [Fact]
    public async Task Batch_reaches_the_server_as_one_batch_request()
    {
        byte[]? body = null;
        await using var server = new FakeCqlServer(request =>
        {
            body = request.Body;
            return request.ReplyAsync(new SpecFrameWriter().Int(1), 0x08);
        });
        await using var session = await ClusterFactory.ConnectAsync(ClusterFactory.Options(server.Address));

        var result = await session.BatchAsync(new CqlBatch(BatchType.Unlogged).Add("INSERT INTO t (k) VALUES (?)", 1).Add("INSERT INTO t (k) VALUES (?)", 2));

        Assert.Equal(ResultKind.Void, result.Kind);
        Assert.Equal((byte)BatchType.Unlogged, body![0]);
        Assert.Equal(2, BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(1)));
    }
}
