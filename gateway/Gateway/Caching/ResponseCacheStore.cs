using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Tripmate.Gateway.Redis;
using Tripmate.ServiceDefaults.Caching;

namespace Tripmate.Gateway.Caching;

/// <summary>
/// The response cache in Redis. Why not <c>Microsoft.AspNetCore.OutputCaching.StackExchangeRedis</c>:
/// its store lets Redis errors escape into the request (a 500 while Redis is down), and its tag sets
/// race with evictions: a read that started before a change but stores after its eviction keeps the
/// old body cached. Here eviction writes a mark with Redis's own clock instead of deleting keys,
/// and the lookup script serves an entry only if none of its tags was marked after the entry's
/// <c>asOf</c>, so that race (and a change made while an answer was in flight) can never leave a
/// stale entry behind. Lookup is one script call; storing is one fire-and-forget SET.
/// </summary>
public sealed partial class ResponseCacheStore(GatewayRedis redis, IOptions<CachingOptions> options, ILogger<ResponseCacheStore> logger)
{
    /// <summary>Tag that every entry depends on: evicting it empties the whole cache.</summary>
    public const string EverythingTag = "*";

    private readonly string _entryPrefix = HashTag(options.Value) + "entry:";
    private readonly string _markPrefix = HashTag(options.Value) + "evicted:";

    // Eviction marks outlive every entry they could concern, so an expired mark never lets a stale entry back in.
    private readonly RedisValue[] _evictArguments = [(long)(options.Value.MaxLifetime + TimeSpan.FromMinutes(1)).TotalMilliseconds];
    private readonly RedisValue[] _lookupArguments = [HashTag(options.Value) + "evicted:"];
    private long _lostEvictions; // evictions that could not be written...
    private long _coveredEvictions; // ...and how many of them a later evict-everything covered

    /// <summary>
    /// A private entry's key starts with the caller's id, from the signed token: no path or query can
    /// spell another user's key.
    /// </summary>
    public string EntryKey(CacheScope scope, string pathAndQuery, string? caller) => scope == CacheScope.Public
        ? string.Concat(_entryPrefix, "all:", pathAndQuery)
        : string.Concat(_entryPrefix, "user:", caller ?? throw new ArgumentNullException(nameof(caller)), ":", pathAndQuery);

    public string MarkKey(string tag) => _markPrefix + tag;

    /// <summary>The start of every key, <c>{gw:cache}:</c>: one Redis Cluster hash tag for the whole cache (see <see cref="CacheScripts"/>).</summary>
    private static string HashTag(CachingOptions options) => $"{{{options.KeyPrefix.TrimEnd(':')}}}:";

    /// <summary>
    /// The caller's own entry if fresh, else the shared one (Hit); the Redis time to store a new one
    /// with (Miss); or neither while Redis is away. An anonymous caller has only the shared one.
    /// </summary>
    public async Task<CacheLookup> LookupAsync(string pathAndQuery, string? caller)
    {
        if (!redis.TryGetDatabase(out var db))
        {
            return default;
        }

        RedisKey shared = EntryKey(CacheScope.Public, pathAndQuery, null);
        RedisKey[] keys = caller is null ? [shared] : [EntryKey(CacheScope.Private, pathAndQuery, caller), shared];
        try
        {
            await CoverLostEvictionsAsync(db);
            var result = (RedisResult[])(await db.ScriptEvaluateAsync(CacheScripts.Lookup, keys, _lookupArguments))!;
            redis.ReportSuccess();
            var found = (int)result[0];
            return found == 0
                ? new CacheLookup(null, default, (string)result[1]!)
                : new CacheLookup(CachedResponse.Decode((byte[])result[1]!), keys.Length == 2 && found == 1 ? CacheScope.Private : CacheScope.Public, null);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            redis.ReportFailure(e);
            return default;
        }
    }

    /// <summary>
    /// Queued on the connection without waiting: the next lookup on this connection is sent after
    /// it, so the next request sees the entry, and the client does not wait for the write.
    /// </summary>
    public void Store(string key, byte[] entry, TimeSpan lifetime)
    {
        if (redis.TryGetDatabase(out var db))
        {
            db.StringSet(key, entry, lifetime, flags: CommandFlags.FireAndForget);
        }
    }

    /// <summary>
    /// Marks the tags evicted. If Redis cannot be reached, the whole cache is evicted as soon as it
    /// can be again (before anything is served from it): a Redis that kept its data through the
    /// outage would otherwise still serve what this eviction was for.
    /// </summary>
    public async Task EvictAsync(IReadOnlyCollection<string> tags)
    {
        if (tags.Count == 0)
        {
            return;
        }

        if (!redis.TryGetDatabase(out var db))
        {
            RecordLost(tags);
            return;
        }

        try
        {
            await CoverLostEvictionsAsync(db);
            await db.ScriptEvaluateAsync(CacheScripts.Evict, [.. tags.Select(tag => (RedisKey)MarkKey(tag))], _evictArguments);
            redis.ReportSuccess();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            redis.ReportFailure(e);
            RecordLost(tags);
        }
    }

    private void RecordLost(IReadOnlyCollection<string> tags)
    {
        if (Interlocked.Increment(ref _lostEvictions) - Interlocked.Read(ref _coveredEvictions) == 1)
        {
            LogEvictionLost(string.Join(' ', tags));
        }
    }

    private async Task CoverLostEvictionsAsync(IDatabase db)
    {
        var lost = Interlocked.Read(ref _lostEvictions);
        if (lost != Interlocked.Read(ref _coveredEvictions))
        {
            await db.ScriptEvaluateAsync(CacheScripts.Evict, [(RedisKey)MarkKey(EverythingTag)], _evictArguments);
            Interlocked.Exchange(ref _coveredEvictions, lost);
            LogEverythingEvicted();
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not evict {Tags} while Redis was unreachable; the whole cache will be evicted when it returns")]
    private partial void LogEvictionLost(string tags);

    [LoggerMessage(LogLevel.Information, "Evicted the whole response cache after evictions were lost during a Redis outage")]
    private partial void LogEverythingEvicted();
}

/// <summary>
/// The answer of a lookup: a fresh entry and whose it was (<see cref="HitScope"/>), or the time a new
/// entry would be stored as of; both null when Redis is away.
/// </summary>
public readonly record struct CacheLookup(CachedResponse? Hit, CacheScope HitScope, string? MissAsOf);
