using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tripmate.Neo4j.Tests.Client;

/// <summary>
/// A real HTTP server on loopback that answers the Query API's paths from a script, in order, and
/// records what the client sent: for what no server here can show (retries, transactions, affinity,
/// bookmarks), without replacing any of the client's own code.
/// </summary>
internal sealed class ScriptedQueryApi : IAsyncDisposable
{
    private readonly ConcurrentQueue<Answer> _script = new();
    private WebApplication? _app;

    public sealed record Answer(int Status, string Body, string ContentType = "application/vnd.neo4j.query", string? Affinity = null);

    public sealed record Received(string Method, string Path, string? Affinity, string Body, string? Authorization);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public Uri Address { get; private set; } = null!;

    public static async Task<ScriptedQueryApi> StartAsync(params Answer[] script)
    {
        var server = new ScriptedQueryApi();
        foreach (var answer in script)
        {
            server._script.Enqueue(answer);
        }

        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        server._app = builder.Build();
        server._app.Run(server.AnswerAsync);
        await server._app.StartAsync();
        server.Address = new Uri($"http://127.0.0.1:{port}/");
        return server;
    }

    public Neo4jClient Client(int maxRetries = 3, string? bearerToken = null) => new(
        new HttpClient { BaseAddress = Address },
        Options.Create(new Neo4jOptions
        {
            Uri = Address, MaxRetries = maxRetries, RetryDelay = TimeSpan.FromMilliseconds(1),
            Username = bearerToken is null ? "neo4j" : null, Password = bearerToken is null ? "secret" : null, BearerToken = bearerToken,
        }));

    private async Task AnswerAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        Requests.Enqueue(new Received(http.Request.Method, http.Request.Path, http.Request.Headers["neo4j-cluster-affinity"].FirstOrDefault(),
            await reader.ReadToEndAsync(), http.Request.Headers.Authorization.FirstOrDefault()));
        if (!_script.TryDequeue(out var answer))
        {
            answer = new Answer(500, """{"errors":[{"code":"Test.NoMoreAnswers","message":"the script has no more answers"}]}""", "application/json");
        }

        http.Response.StatusCode = answer.Status;
        http.Response.ContentType = answer.ContentType;
        if (answer.Affinity is not null)
        {
            http.Response.Headers["neo4j-cluster-affinity"] = answer.Affinity;
        }

        await http.Response.WriteAsync(answer.Body);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
