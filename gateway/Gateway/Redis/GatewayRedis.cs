using Microsoft.Extensions.Options;
using OpenTelemetry.Instrumentation.StackExchangeRedis;
using StackExchange.Redis;

namespace Tripmate.Gateway.Redis;

/// <summary>
/// The gateway's one Redis connection, shared by the response cache and the rate limiter, with a
/// circuit around it. Redis is an optimisation here, never a dependency: while it is away callers
/// skip it at once (commands fail fast instead of queueing, and a failed command opens the circuit
/// for <see cref="RedisOptions.BreakDuration"/>), then a single request probes it again. The
/// outage and the recovery are each logged once.
/// </summary>
public sealed partial class GatewayRedis(
    IConfiguration configuration, IOptions<RedisOptions> options, ILogger<GatewayRedis> logger, IServiceProvider? services = null)
    : IHostedService, IAsyncDisposable
{
    private readonly long _breakMs = (long)options.Value.BreakDuration.TotalMilliseconds;
    private ConnectionMultiplexer? _multiplexer;
    private long _openUntil; // Environment.TickCount64 until which Redis is skipped; 0 when closed.

    /// <summary>The connection, for libraries that need one; null until the host has started.</summary>
    public IConnectionMultiplexer? Multiplexer => _multiplexer;

    /// <summary>
    /// True when a command may be sent now. While the circuit is open this is false, except that the
    /// first caller after the break gets true (the probe) and pushes the next probe one break later.
    /// </summary>
    public bool IsAvailable
    {
        get
        {
            if (_multiplexer is not { IsConnected: true })
            {
                return false;
            }

            var openUntil = Volatile.Read(ref _openUntil);
            if (openUntil == 0)
            {
                return true;
            }

            var now = Environment.TickCount64;
            return now >= openUntil && Interlocked.CompareExchange(ref _openUntil, now + _breakMs, openUntil) == openUntil;
        }
    }

    public bool TryGetDatabase(out IDatabase database)
    {
        database = IsAvailable ? _multiplexer!.GetDatabase() : null!;
        return database is not null;
    }

    /// <summary>A command failed or timed out: skip Redis for a while.</summary>
    public void ReportFailure(Exception exception)
    {
        if (Interlocked.Exchange(ref _openUntil, Environment.TickCount64 + _breakMs) == 0)
        {
            LogUnavailable(exception.Message);
        }
    }

    public void ReportSuccess()
    {
        if (Volatile.Read(ref _openUntil) != 0 && Interlocked.Exchange(ref _openUntil, 0) != 0)
        {
            LogRestored();
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connectionString = configuration.GetConnectionString(RedisOptions.ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"ConnectionStrings:{RedisOptions.ConnectionName} is not configured.");
        }

        var config = ConfigurationOptions.Parse(connectionString);
        var timeouts = options.Value;
        config.AbortOnConnectFail = false; // start without Redis; the client keeps reconnecting
        config.BacklogPolicy = BacklogPolicy.FailFast; // while disconnected a command fails at once, never waits in a queue
        config.ReconnectRetryPolicy = new LinearRetry(1000);
        config.ConnectTimeout = (int)timeouts.ConnectTimeout.TotalMilliseconds;
        config.AsyncTimeout = (int)timeouts.OperationTimeout.TotalMilliseconds;
        config.SyncTimeout = (int)timeouts.OperationTimeout.TotalMilliseconds;
        // Timeouts are noticed on the heartbeat (1 s by default): check often enough to honour a short one.
        config.HeartbeatInterval = TimeSpan.FromMilliseconds(Math.Clamp(timeouts.OperationTimeout.TotalMilliseconds / 2, 100, 1000));
        config.ClientName = "tripmate-gateway";
        _multiplexer = await ConnectionMultiplexer.ConnectAsync(config);
        services?.GetService<StackExchangeRedisInstrumentation>()?.AddConnection("gateway", _multiplexer);
        _multiplexer.ConnectionFailed += (_, e) => ReportFailure(e.Exception ?? new RedisConnectionException(e.FailureType, "connection lost"));
        _multiplexer.ConnectionRestored += (_, _) => ReportSuccess();
        if (!_multiplexer.IsConnected)
        {
            ReportFailure(new RedisConnectionException(ConnectionFailureType.UnableToConnect, "not reachable at start"));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is not null)
        {
            await _multiplexer.DisposeAsync();
        }
    }

    [LoggerMessage(LogLevel.Warning, "Redis is unavailable ({Reason}): serving without the response cache and without rate limits until it returns")]
    private partial void LogUnavailable(string reason);

    [LoggerMessage(LogLevel.Information, "Redis is available again: response cache and rate limits resume")]
    private partial void LogRestored();
}
