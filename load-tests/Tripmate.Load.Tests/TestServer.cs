using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tripmate.Testing;

namespace Tripmate.Load.Tests;

/// <summary>
/// A tiny real Kestrel server for checking the tool itself: <c>/plain</c> answers a fixed body after
/// a fixed pause, <c>/stall</c> answers at once except that, once, the whole server stalls for a set
/// time (see <see cref="StallOnce"/>).
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    public static readonly byte[] Body = "Hello from the load tool's test server."u8.ToArray();

    private readonly WebApplication _app;

    private TestServer(WebApplication app, Uri baseAddress, StallOnce stall)
    {
        _app = app;
        BaseAddress = baseAddress;
        Stall = stall;
    }

    public Uri BaseAddress { get; }

    public StallOnce Stall { get; }

    public static async Task<TestServer> StartAsync(TimeSpan plainPause, StallOnce? stall = null)
    {
        stall ??= new StallOnce(TimeSpan.MaxValue, TimeSpan.Zero);
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/plain", async context =>
        {
            if (plainPause > TimeSpan.Zero)
            {
                await Task.Delay(plainPause);
            }

            await context.Response.Body.WriteAsync(Body);
        });
        app.MapGet("/stall", async context =>
        {
            await stall.PassAsync();
            await context.Response.Body.WriteAsync(Body);
        });
        await app.StartAsync();
        return new TestServer(app, new Uri($"http://127.0.0.1:{port}"), stall);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>
/// A server-wide stall, like a stop-the-world pause: the first request after <c>after</c> (from
/// <see cref="Arm"/>) starts it, and no request (that one, those in flight, those arriving) is
/// answered until <c>length</c> has passed.
/// </summary>
public sealed class StallOnce(TimeSpan after, TimeSpan length)
{
    private readonly object _gate = new();
    private DateTime _armedAt = DateTime.MaxValue;
    private DateTime? _releaseAt;

    public DateTime? StartedAt { get; private set; }

    public void Arm() => _armedAt = DateTime.UtcNow;

    public Task PassAsync()
    {
        DateTime? release;
        lock (_gate)
        {
            var now = DateTime.UtcNow;
            if (_releaseAt is null && _armedAt != DateTime.MaxValue && now - _armedAt >= after)
            {
                StartedAt = now;
                _releaseAt = now + length;
            }

            release = _releaseAt;
        }

        var wait = release is { } r ? r - DateTime.UtcNow : TimeSpan.Zero;
        return wait > TimeSpan.Zero ? Task.Delay(wait) : Task.CompletedTask;
    }
}
