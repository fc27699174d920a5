using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Tripmate.Gateway.Redis;

namespace Tripmate.Gateway.Auth;

/// <summary>
/// Subjects (user ids) whose access tokens the gateway refuses although they are validly signed:
/// deleted accounts. Checked on every authenticated request from memory, so the check costs no
/// Redis round trip and holds while Redis is away. Each instance hears every <c>UserDeleted</c>
/// itself (<see cref="RevokedSubjectsConsumer"/>) and shares it in Redis; <see cref="Sync"/> reads
/// Redis back periodically, for revocations an instance missed while it was down or starting.
/// </summary>
public sealed partial class RevokedSubjects(GatewayRedis redis, IOptions<RevocationOptions> options, TimeProvider clock, ILogger<RevokedSubjects> logger)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _until = new(StringComparer.OrdinalIgnoreCase);

    public bool IsRevoked(string subject) =>
        _until.TryGetValue(subject, out var until) && until > clock.GetUtcNow();

    /// <summary>Refuses the subject's tokens from now on, here and (once written to Redis) on every instance.</summary>
    public async Task RevokeAsync(Guid subject)
    {
        var until = clock.GetUtcNow() + options.Value.EntryLifetime;
        var key = subject.ToString("D");
        _until.AddOrUpdate(key, until, (_, known) => known > until ? known : until);
        if (!redis.TryGetDatabase(out var db))
        {
            return; // Other instances hear the event themselves; Redis only helps those that were away.
        }

        try
        {
            await db.SortedSetAddAsync(options.Value.Key, key, until.ToUnixTimeMilliseconds());
            redis.ReportSuccess();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            redis.ReportFailure(e);
        }
    }

    /// <summary>Drops expired entries and adopts every entry in Redis.</summary>
    public async Task Sync()
    {
        var now = clock.GetUtcNow();
        foreach (var (subject, until) in _until)
        {
            if (until <= now)
            {
                _until.TryRemove(new KeyValuePair<string, DateTimeOffset>(subject, until));
            }
        }

        if (!redis.TryGetDatabase(out var db))
        {
            return;
        }

        try
        {
            var nowMs = now.ToUnixTimeMilliseconds();
            await db.SortedSetRemoveRangeByScoreAsync(options.Value.Key, double.NegativeInfinity, nowMs);
            foreach (var entry in await db.SortedSetRangeByScoreWithScoresAsync(options.Value.Key, nowMs, double.PositiveInfinity))
            {
                var until = DateTimeOffset.FromUnixTimeMilliseconds((long)entry.Score);
                _until.AddOrUpdate(entry.Element.ToString(), until, (_, known) => known > until ? known : until);
            }

            redis.ReportSuccess();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            redis.ReportFailure(e);
            LogSyncFailed(e.Message);
        }
    }

    [LoggerMessage(LogLevel.Debug, "Revoked subjects not read from Redis: {Reason}")]
    private partial void LogSyncFailed(string reason);
}
