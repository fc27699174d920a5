namespace Tripmate.Gateway.Caching;

/// <summary>
/// The cache's Lua scripts. Times are Redis's own clock (<c>TIME</c>, in microseconds), so every
/// gateway instance compares against the same clock.
/// <para>
/// Redis Cluster: the lookup reads the marks of the tags it finds inside the entry, so it cannot
/// declare them in KEYS; a cluster lets a script touch undeclared keys only in the slot of its
/// declared ones. Every key of the cache therefore carries one hash tag, the key prefix
/// (<c>{gw:cache}:entry:...</c>, <c>{gw:cache}:evicted:...</c>): one slot, hence one shard.
/// The trade-off, chosen on purpose: the cache does not spread over the cluster's shards (one
/// primary holds it all; its replicas give failover), but each lookup stays one atomic round trip,
/// and entries and eviction marks share one clock, which the race stamp needs: spread over shards,
/// an entry's asOf and a tag's mark would come from different machines' clocks. A cache that
/// outgrows one shard gets a Redis of its own (<c>ConnectionStrings:Redis</c>); rate-limit keys,
/// which need no such thing, are not in this slot.
/// </para>
/// </summary>
internal static class CacheScripts
{
    /// <summary>
    /// KEYS: the entries that may answer, most specific first (the caller's own, then the shared
    /// one); ARGV[1] the mark prefix. Returns <c>{i, entry}</c> for the first KEYS[i] that exists
    /// with no tag of it (nor "*") marked at or after its asOf; otherwise <c>{0, now}</c>, the asOf
    /// for a new entry.
    /// </summary>
    public const string Lookup = """
        for i = 1, #KEYS do
          local entry = redis.call('GET', KEYS[i])
          if entry then
            local tagsAt = string.find(entry, '\n', 1, true)
            local typeAt = string.find(entry, '\n', tagsAt + 1, true)
            local asOf = tonumber(string.sub(entry, 1, tagsAt - 1))
            local marks = { ARGV[1] .. '*' }
            for tag in string.gmatch(string.sub(entry, tagsAt + 1, typeAt - 1), '%S+') do
              marks[#marks + 1] = ARGV[1] .. tag
            end
            local evictedAt = redis.call('MGET', unpack(marks))
            local fresh = true
            for m = 1, #marks do
              if evictedAt[m] and tonumber(evictedAt[m]) >= asOf then fresh = false end
            end
            if fresh then return { i, entry } end
          end
        end
        local now = redis.call('TIME')
        return { 0, string.format('%.0f', now[1] * 1000000 + now[2]) }
        """;

    /// <summary>KEYS: the marks of the evicted tags (all in the cache's slot); ARGV[1] their lifetime in ms. Marks them with the time now.</summary>
    public const string Evict = """
        local now = redis.call('TIME')
        local at = string.format('%.0f', now[1] * 1000000 + now[2])
        for i = 1, #KEYS do redis.call('SET', KEYS[i], at, 'PX', ARGV[1]) end
        return #KEYS
        """;
}
