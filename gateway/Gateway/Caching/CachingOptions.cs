namespace Tripmate.Gateway.Caching;

/// <summary>The <c>Caching</c> section: which GETs are cached, and which writes evict what.</summary>
public sealed class CachingOptions
{
    public const string Section = "Caching";

    /// <summary>Prefix of every Redis key the cache writes.</summary>
    public string KeyPrefix { get; set; } = "gw:cache:";

    /// <summary>Larger responses are passed through uncached.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    public List<CacheRouteOptions> Routes { get; set; } = [];

    public List<EvictionRuleOptions> Evictions { get; set; } = [];
}

/// <summary>One cacheable GET. Only 200 answers are stored; the query string is part of the key.</summary>
public sealed class CacheRouteOptions
{
    /// <summary>Path template: literals, <c>{name}</c>, <c>{name:guid}</c>.</summary>
    public string Path { get; set; } = "";

    /// <summary>Tags the entry carries, e.g. <c>group:{id}:members</c>; evicting a tag drops the entry.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>
    /// True only when the answer is the same whoever asks (a public profile). Otherwise, the
    /// default, each user has their own entry, keyed by the token's <c>sub</c>.
    /// </summary>
    public bool SharedAcrossUsers { get; set; }

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Tags read from the body: every JSON property of this name (at any depth) adds a tag, e.g.
    /// <c>userId</c> -> <c>user:{value}</c>, so a member list is evicted when a member renames.
    /// </summary>
    public BodyTagOptions? BodyTags { get; set; }
}

public sealed class BodyTagOptions
{
    public string Property { get; set; } = "";

    /// <summary>The tag, with <c>{value}</c> standing for the property's value.</summary>
    public string Tag { get; set; } = "";
}

/// <summary>A write (POST, PUT, PATCH, DELETE) that, once answered 2xx, evicts these tags before the client sees the answer.</summary>
public sealed class EvictionRuleOptions
{
    /// <summary>Path template as in <see cref="CacheRouteOptions.Path"/>, plus a final <c>{*rest}</c> for any remainder.</summary>
    public string Path { get; set; } = "";

    /// <summary>Tags; <c>{sub}</c> is the caller's user id.</summary>
    public List<string> Tags { get; set; } = [];
}
