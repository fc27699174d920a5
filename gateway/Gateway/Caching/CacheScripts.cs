namespace Tripmate.Gateway.Caching;

/// <summary>
/// The cache's Lua scripts. Times are Redis's own clock (<c>TIME</c>, in microseconds), so every
/// gateway instance compares against the same clock. Keys they compute (the eviction marks) are
/// not declared in KEYS, which suits one Redis server, not Redis Cluster.
/// </summary>
internal static class CacheScripts
{
    /// <summary>
    /// KEYS[1] entry, ARGV[1] mark prefix. Returns <c>{1, entry}</c> when the entry exists and no tag
    /// of it (nor "*") was marked at or after its asOf; otherwise <c>{0, now}</c>, the asOf for a new entry.
    /// </summary>
    public const string Lookup = """
        local entry = redis.call('GET', KEYS[1])
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
          for i = 1, #marks do
            if evictedAt[i] and tonumber(evictedAt[i]) >= asOf then fresh = false end
          end
          if fresh then return { 1, entry } end
        end
        local now = redis.call('TIME')
        return { 0, string.format('%.0f', now[1] * 1000000 + now[2]) }
        """;

    /// <summary>KEYS: the marks of the evicted tags; ARGV[1] their lifetime in ms. Marks them with the time now.</summary>
    public const string Evict = """
        local now = redis.call('TIME')
        local at = string.format('%.0f', now[1] * 1000000 + now[2])
        for i = 1, #KEYS do redis.call('SET', KEYS[i], at, 'PX', ARGV[1]) end
        return #KEYS
        """;
}
