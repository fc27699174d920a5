using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Infrastructure;

/// <summary>
/// A tiny real HTTP service standing in for a service that does not exist yet (messaging,
/// social-graph, files): it answers every path with what it received, so a test sees that the
/// gateway reached it and forwarded the request unchanged (<c>?delayMs=</c> makes it slow,
/// <c>?abort=true</c> drops the connection without answering; <c>?status=</c> and
/// <c>?header=Name:value</c>, repeatable, shape the answer, e.g. its cache headers). Each answer
/// carries a sequence number (<see cref="Echo.Served"/>), so a test can tell a fresh one from a copy.
/// <c>/api/notifications/stream</c> is a
/// slow Server-Sent Events response, for streaming tests.
/// </summary>
public sealed class EchoBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoBackend(WebApplication app, string name, int port)
    {
        _app = app;
        Name = name;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public sealed record Echo(
        string Service, string Method, string Path, long BodyLength, string? Authorization, string? RequestId, string? TraceParent, long Served = 0);

    public static async Task<EchoBackend> StartAsync(string name)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        long served = 0;
        app.MapGet("/health/ready", () => Results.Ok(new { status = "Healthy" }));
        app.MapGet("/api/notifications/stream", StreamEventsAsync);
        app.Map("/{**path}", async (HttpRequest request, int? delayMs, bool? abort, int? status, [FromQuery] string[]? header) =>
        {
            if (abort is true)
            {
                request.HttpContext.Abort();
                return Results.Empty;
            }

            if (delayMs is > 0)
            {
                await Task.Delay(delayMs.Value, request.HttpContext.RequestAborted);
            }

            long bodyLength = 0;
            var buffer = new byte[64 * 1024];
            for (int read; (read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0;)
            {
                bodyLength += read;
            }

            foreach (var (headerName, value) in (header ?? []).Select(h => h.Split(':', 2)).Where(h => h.Length == 2).Select(h => (h[0], h[1].Trim())))
            {
                request.HttpContext.Response.Headers.Append(headerName, value);
            }

            return Results.Json(new Echo(
                name,
                request.Method,
                request.Path + request.QueryString,
                bodyLength,
                request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
                request.Headers["X-Request-Id"].ToString() is { Length: > 0 } id ? id : null,
                request.Headers["traceparent"].ToString() is { Length: > 0 } trace ? trace : null,
                Interlocked.Increment(ref served)), statusCode: status ?? StatusCodes.Status200OK);
        });
        await app.StartAsync();
        return new EchoBackend(app, name, port);
    }

    /// <summary>?count=N events, ?intervalMs apart; each flushed at once, as a real event stream is.</summary>
    private static async Task StreamEventsAsync(HttpContext context, int count = 3, int intervalMs = 500)
    {
        context.Response.ContentType = "text/event-stream";
        for (var i = 0; i < count; i++)
        {
            await context.Response.WriteAsync($"data: event {i} at {DateTimeOffset.UtcNow:O}\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(intervalMs, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
