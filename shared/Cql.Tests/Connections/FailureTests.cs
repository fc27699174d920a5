using System.Collections.Concurrent;
using System.Diagnostics;
using Tripmate.Cql.Tests.Server;

namespace Tripmate.Cql.Tests.Connections;

public sealed class FailureTests
{
    private static Task Echo(ServerRequest request) => request.Text.StartsWith("SELECT ", StringComparison.Ordinal)
        ? request.ReplyAsync(FakeCqlServer.IntRows(int.Parse(request.Text["SELECT ".Length..])), 0x08)
        : Task.CompletedTask;

    [Fact]
    public async Task Dropped_connection_fails_in_flight_requests_and_the_next_request_reconnects()
    {
        var hanging = new ConcurrentQueue<ServerRequest>();
        await using var server = new FakeCqlServer(request =>
        {
            if (request.Text != "SELECT hang") return Echo(request);
            hanging.Enqueue(request);
            if (hanging.Count == 3) request.Connection.Close();
            return Task.CompletedTask;
        });
        await using var session = await ClusterFactory.ConnectAsync(ClusterFactory.Options(server.Address));

        var inFlight = Enumerable.Range(0, 3).Select(_ => session.ExecuteAsync("SELECT hang")).ToArray();
        foreach (var request in inFlight)
        {
            var error = await Assert.ThrowsAsync<CqlConnectionException>(() => request);
            Assert.True(error.RequestWasSent);
            Assert.False(error.IsRetryable);
        }

        var after = await session.ExecuteAsync("SELECT 5");
        Assert.Equal(5, after.Single().Get<int>("n"));
        Assert.Equal(2, server.AcceptedConnections);
    }

    [Fact]
    public async Task Connecting_fails_over_to_the_second_contact_point_when_the_first_refuses()
    {
        await using var second = new FakeCqlServer(Echo);
        await using var session = await ClusterFactory.ConnectAsync(ClusterFactory.Options(ClusterFactory.ClosedAddress(), second.Address));

        var rows = await session.ExecuteAsync("SELECT 2");

        Assert.Equal(2, rows.Single().Get<int>("n"));
        Assert.Equal(1, second.AcceptedConnections);
    }

    [Fact]
    public async Task Requests_move_to_the_second_contact_point_when_the_first_node_goes_down()
    {
        var first = new FakeCqlServer(request => request.ReplyAsync(FakeCqlServer.IntRows(1), 0x08));
        await using var second = new FakeCqlServer(request => request.ReplyAsync(FakeCqlServer.IntRows(2), 0x08));
        await using var session = await ClusterFactory.ConnectAsync(ClusterFactory.Options(first.Address, second.Address));
        Assert.Equal(1, (await session.ExecuteAsync("SELECT n")).Single().Get<int>("n"));

        await first.DisposeAsync();
        var afterFailover = await WhenConnectionNoticedClosed(() => session.ExecuteAsync("SELECT n"));

        Assert.Equal(2, afterFailover.Single().Get<int>("n"));
    }

    [Fact]
    public async Task No_host_available_after_the_configured_reconnect_rounds()
    {
        var options = ClusterFactory.Options(ClusterFactory.ClosedAddress(), ClusterFactory.ClosedAddress());

        var error = await Assert.ThrowsAsync<NoHostAvailableException>(() => ClusterFactory.ConnectAsync(options));

        Assert.Equal(2, ((AggregateException)error.InnerException!).InnerExceptions.Count);
    }

    [Fact]
    public async Task Request_times_out_when_the_server_never_answers_and_the_connection_stays_usable()
    {
        await using var server = new FakeCqlServer(request => request.Text == "SELECT hang" ? Task.CompletedTask : Echo(request));
        var options = ClusterFactory.Options(server.Address) with { RequestTimeout = TimeSpan.FromMilliseconds(200) };
        await using var session = await ClusterFactory.ConnectAsync(options);
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(() => session.ExecuteAsync("SELECT hang"));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        // The follow-up gets a generous timeout of its own: 200 ms is too tight for a loaded CI machine.
        var usable = await session.ExecuteAsync("SELECT 3", options: new QueryOptions { Timeout = TimeSpan.FromSeconds(10) });
        Assert.Equal(3, usable.Single().Get<int>("n"));
        Assert.Equal(1, server.AcceptedConnections);
    }

    [Fact]
    public async Task Per_request_timeout_overrides_the_cluster_default()
    {
        await using var server = new FakeCqlServer(_ => Task.CompletedTask);
        await using var session = await ClusterFactory.ConnectAsync(ClusterFactory.Options(server.Address));

        await Assert.ThrowsAsync<TimeoutException>(() =>
            session.ExecuteAsync("SELECT hang", options: new QueryOptions { Timeout = TimeSpan.FromMilliseconds(100) }));
    }

    [Fact]
    public async Task Oversized_response_frame_is_rejected_and_the_connection_stays_usable()
    {
        await using var server = new FakeCqlServer(request => request.Text == "SELECT big"
            ? request.ReplyAsync(FakeCqlServer.IntRows(Enumerable.Range(0, 1000).ToArray()), 0x08)
            : Echo(request));
        var options = ClusterFactory.Options(server.Address) with { MaxFrameSizeBytes = 1024 };
        await using var session = await ClusterFactory.ConnectAsync(options);

        await Assert.ThrowsAsync<CqlFrameTooLargeException>(() => session.ExecuteAsync("SELECT big"));

        Assert.Equal(4, (await session.ExecuteAsync("SELECT 4")).Single().Get<int>("n"));
        Assert.Equal(1, server.AcceptedConnections);
    }

    [Fact]
    public async Task Oversized_request_is_rejected_before_it_is_sent()
    {
        var received = 0;
        await using var server = new FakeCqlServer(request =>
        {
            Interlocked.Increment(ref received);
            return Echo(request);
        });
        var options = ClusterFactory.Options(server.Address) with { MaxFrameSizeBytes = 1024 };
        await using var session = await ClusterFactory.ConnectAsync(options);

        await Assert.ThrowsAsync<CqlFrameTooLargeException>(() => session.ExecuteAsync("INSERT INTO t (b) VALUES (?)", [new byte[2048]]));

        Assert.Equal(6, (await session.ExecuteAsync("SELECT 6")).Single().Get<int>("n"));
        Assert.Equal(1, received);
    }

    /// <summary>The client learns of a server-side close asynchronously; retry only that known race, boundedly.</summary>
    private static async Task<RowSet> WhenConnectionNoticedClosed(Func<Task<RowSet>> request)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await request();
            }
            catch (CqlConnectionException) when (attempt < 3)
            {
            }
        }
    }
}
