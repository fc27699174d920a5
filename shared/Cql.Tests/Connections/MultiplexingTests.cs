using System.Collections.Concurrent;
using Tripmate.Cql.Tests.Server;

namespace Tripmate.Cql.Tests.Connections;

public sealed class MultiplexingTests
{
    [Fact]
    public async Task Concurrent_requests_share_one_connection_and_get_their_own_out_of_order_responses()
    {
        const int requestCount = 200;
        var held = new ConcurrentQueue<ServerRequest>();
        await using var server = new FakeCqlServer(async request =>
        {
            held.Enqueue(request);
            if (held.Count < requestCount) return;
            // Every request is in flight at once; answer them newest first.
            foreach (var r in held.Reverse()) await r.ReplyAsync(FakeCqlServer.IntRows(int.Parse(r.Text["SELECT ".Length..])), 0x08);
        });
        await using var session = await ClusterFactory.ConnectAsync(ClusterFactory.Options(server.Address));

        var results = await Task.WhenAll(Enumerable.Range(0, requestCount).Select(i => session.ExecuteAsync($"SELECT {i}")));

        for (var i = 0; i < requestCount; i++) Assert.Equal(i, results[i].Single().Get<int>("n"));
        Assert.Equal(1, server.AcceptedConnections);
        Assert.Equal(requestCount, held.Select(r => r.StreamId).Distinct().Count());
    }

    [Fact]
    public async Task Server_pushed_event_frames_are_ignored()
    {
        await using var server = new FakeCqlServer(async request =>
        {
            var statusChange = new Oracle.SpecFrameWriter().String("STATUS_CHANGE").String("DOWN").Byte(4).Raw([10, 0, 0, 2]).Int(9042);
            await request.Connection.SendAsync(statusChange.Frame(0x0C, streamId: -1));
            await request.ReplyAsync(FakeCqlServer.IntRows(7), 0x08);
            await request.Connection.SendAsync(statusChange.Frame(0x0C, streamId: -1));
        });
        await using var session = await ClusterFactory.ConnectAsync(ClusterFactory.Options(server.Address));

        var first = await session.ExecuteAsync("SELECT 7");
        var second = await session.ExecuteAsync("SELECT 7");

        Assert.Equal(7, first.Single().Get<int>("n"));
        Assert.Equal(7, second.Single().Get<int>("n"));
        Assert.Equal(1, server.AcceptedConnections);
    }

    [Fact]
    public async Task Stream_ids_are_reused_after_responses_arrive()
    {
        var streamIds = new ConcurrentBag<short>();
        await using var server = new FakeCqlServer(request =>
        {
            streamIds.Add(request.StreamId);
            return request.ReplyAsync(FakeCqlServer.IntRows(1), 0x08);
        });
        await using var session = await ClusterFactory.ConnectAsync(ClusterFactory.Options(server.Address));

        for (var i = 0; i < 20; i++) await session.ExecuteAsync("SELECT 1");

        Assert.Single(streamIds.Distinct());
    }

    [Fact]
    public async Task Pool_opens_up_to_the_configured_connections_per_host()
    {
        await using var server = new FakeCqlServer(request => request.ReplyAsync(FakeCqlServer.IntRows(1), 0x08));
        await using var session = await ClusterFactory.ConnectAsync(ClusterFactory.Options(server.Address) with { ConnectionsPerHost = 3 });

        // Extra connections are opened in the background as requests rotate over the slots.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (server.AcceptedConnections < 3 && DateTime.UtcNow < deadline) await session.ExecuteAsync("SELECT 1");
        for (var i = 0; i < 20; i++) await session.ExecuteAsync("SELECT 1");

        Assert.Equal(3, server.AcceptedConnections);
    }
}
