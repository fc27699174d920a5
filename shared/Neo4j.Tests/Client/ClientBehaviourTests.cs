using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tripmate.Neo4j.Errors;
using Tripmate.Neo4j.Http;
using static Tripmate.Neo4j.Tests.Client.ScriptedQueryApi;

namespace Tripmate.Neo4j.Tests.Client;

/// <summary>Retries, transactions, cluster affinity and bookmarks, against a scripted Query API server.</summary>
public sealed class ClientBehaviourTests
{
    private static readonly CypherStatement Statement = new("RETURN $n AS n", new Dictionary<string, object?> { ["n"] = 1L });

    private static Answer Row(string bookmark = "FB:1") =>
        new(202, $$"""{"data":{"fields":["n"],"values":[[{"$type":"Integer","_value":"1"}]]},"bookmarks":["{{bookmark}}"]}""");

    private static Answer Error(string code, int status = 400) =>
        new(status, $$"""{"errors":[{"code":"{{code}}","message":"scripted"}]}""", "application/json");

    [Fact]
    public async Task A_transient_error_is_retried_and_the_retry_succeeds()
    {
        await using var server = await StartAsync(Error("Neo.TransientError.Transaction.DeadlockDetected"), Row());

        var result = await server.Client().RunAsync(Statement, AccessMode.Write, CancellationToken.None);

        Assert.Equal(1L, result.Get<long>(0, "n"));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_client_error_is_thrown_by_its_code_and_never_retried()
    {
        await using var server = await StartAsync(Error("Neo.ClientError.Statement.SyntaxError"), Row());

        var error = await Assert.ThrowsAsync<Neo4jClientException>(() => server.Client().RunAsync(Statement, AccessMode.Write, CancellationToken.None));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_transient_outage_after_the_retries()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        var address = new Uri($"http://127.0.0.1:{port}/");
        var client = new Neo4jClient(new HttpClient { BaseAddress = address },
            Options.Create(new Neo4jOptions { Uri = address, MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(1) }));

        var error = await Assert.ThrowsAsync<Neo4jUnavailableException>(() => client.RunAsync(Statement, AccessMode.Read, CancellationToken.None));

        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task An_explicit_transaction_echoes_the_cluster_affinity_and_its_commit_bookmarks_reach_the_next_read()
    {
        await using var server = await StartAsync(
            new Answer(202, """{"data":{"fields":["n"],"values":[]},"bookmarks":[],"transaction":{"id":"tx-7","expires":"2026-11-29T12:00:00Z"}}""",
                Affinity: "member-b"),
            Row(),
            new Answer(200, """{"bookmarks":["FB:after-commit"]}"""),
            Row());
        var client = server.Client();

        await client.ExecuteWriteAsync(async (tx, ct) =>
        {
            await tx.RunAsync(Statement, ct);
            return await tx.RunAsync(Statement, ct);
        }, CancellationToken.None);
        await client.RunAsync(Statement, AccessMode.Read, CancellationToken.None);

        var requests = server.Requests.ToArray();
        Assert.Equal(
            ["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/tx-7", "POST /db/neo4j/query/v2/tx/tx-7/commit", "POST /db/neo4j/query/v2"],
            requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal([null, "member-b", "member-b", null], requests.Select(r => r.Affinity));
        using var read = JsonDocument.Parse(requests[3].Body);
        Assert.Equal("FB:after-commit", read.RootElement.GetProperty("bookmarks")[0].GetString());
        Assert.Equal("Read", read.RootElement.GetProperty("accessMode").GetString());
    }

    [Fact]
    public async Task A_failed_unit_of_work_rolls_its_transaction_back()
    {
        await using var server = await StartAsync(
            new Answer(202, """{"data":{"fields":[],"values":[]},"bookmarks":[],"transaction":{"id":"tx-9"}}"""),
            Error("Neo.ClientError.Schema.ConstraintValidationFailed"),
            new Answer(200, """{"bookmarks":[]}"""));

        await Assert.ThrowsAsync<Neo4jConstraintViolationException>(() => server.Client().ExecuteWriteAsync(async (tx, ct) =>
        {
            await tx.RunAsync(Statement, ct);
            return await tx.RunAsync(Statement, ct);
        }, CancellationToken.None));

        Assert.Equal("DELETE /db/neo4j/query/v2/tx/tx-9", server.Requests.Select(r => $"{r.Method} {r.Path}").Last());
    }

    [Fact]
    public async Task A_transactions_options_go_with_its_opening_request_and_a_bearer_token_with_every_request()
    {
        await using var server = await StartAsync(
            Row("FB:mine"),
            new Answer(202, """{"data":{"fields":["n"],"values":[]},"bookmarks":[],"transaction":{"id":"tx-3"}}"""),
            Row(),
            new Answer(200, """{"bookmarks":["FB:done"]}"""));
        var client = server.Client(bearerToken: "sso-token");
        var options = new Neo4jRunOptions { Bookmarks = ["FB:theirs", "FB:mine"], ImpersonatedUser = "ada", Timeout = TimeSpan.FromSeconds(30) };

        await client.RunAsync(Statement, AccessMode.Read, CancellationToken.None);
        await client.ExecuteWriteAsync(async (tx, ct) =>
        {
            await tx.RunAsync(Statement, ct);
            return await tx.RunAsync(Statement, ct);
        }, options, CancellationToken.None);

        var requests = server.Requests.ToArray();
        Assert.All(requests, r => Assert.Equal("Bearer sso-token", r.Authorization));
        using var opening = JsonDocument.Parse(requests[1].Body);
        Assert.Equal(["FB:mine", "FB:theirs"], opening.RootElement.GetProperty("bookmarks").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal("ada", opening.RootElement.GetProperty("impersonatedUser").GetString());
        Assert.Equal(30, opening.RootElement.GetProperty("maxExecutionTime").GetInt64());
        using var next = JsonDocument.Parse(requests[2].Body);
        Assert.False(next.RootElement.TryGetProperty("impersonatedUser", out _));
        Assert.Equal(["FB:done"], client.LastBookmarks);
    }
}
