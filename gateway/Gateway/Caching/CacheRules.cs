using Microsoft.Extensions.Options;

namespace Tripmate.Gateway.Caching;

/// <summary>A cacheable route, compiled from <see cref="CacheRouteOptions"/>.</summary>
public sealed class CacheRoute
{
    public CacheRoute(CacheRouteOptions options)
    {
        Path = PathTemplate.Parse(options.Path);
        SharedAcrossUsers = options.SharedAcrossUsers;
        Lifetime = options.Lifetime > TimeSpan.Zero ? options.Lifetime
            : throw new FormatException($"Caching route '{options.Path}': Lifetime must be positive.");
        Tags = [.. options.Tags.Select(tag => new TagTemplate(tag, Path.ParameterNames))];
        if (options.BodyTags is { } body)
        {
            BodyTagProperty = body.Property;
            BodyTag = new TagTemplate(body.Tag, [], TagTemplate.BodyValuePlaceholder);
        }
    }

    public PathTemplate Path { get; }

    public bool SharedAcrossUsers { get; }

    public TimeSpan Lifetime { get; }

    public IReadOnlyList<TagTemplate> Tags { get; }

    public string? BodyTagProperty { get; }

    public TagTemplate? BodyTag { get; }
}

/// <summary>A write whose success evicts tags, compiled from <see cref="EvictionRuleOptions"/>.</summary>
public sealed class EvictionRule
{
    public EvictionRule(EvictionRuleOptions options)
    {
        Path = PathTemplate.Parse(options.Path);
        Tags = [.. options.Tags.Select(tag => new TagTemplate(tag, Path.ParameterNames, TagTemplate.CallerPlaceholder))];
    }

    public PathTemplate Path { get; }

    public IReadOnlyList<TagTemplate> Tags { get; }
}

/// <summary>All rules, compiled once at start-up so that a bad template fails the start, not a request.</summary>
public sealed class CacheRules(IOptions<CachingOptions> options)
{
    // Arrays, not interfaces: iterating them on every request must not box an enumerator.
    private readonly CacheRoute[] _routes = [.. options.Value.Routes.Select(r => new CacheRoute(r))];
    private readonly EvictionRule[] _evictions = [.. options.Value.Evictions.Select(r => new EvictionRule(r))];

    /// <summary>
    /// Eviction marks outlive every entry they could concern; an expired mark therefore never lets a
    /// stale entry back in.
    /// </summary>
    public TimeSpan EvictionMarkLifetime =>
        _routes.Select(r => r.Lifetime).DefaultIfEmpty(TimeSpan.Zero).Max() + TimeSpan.FromMinutes(1);

    public CacheRoute? MatchRoute(ReadOnlySpan<char> path, ref RouteValueRanges values)
    {
        foreach (var route in _routes)
        {
            if (route.Path.TryMatch(path, ref values))
            {
                return route;
            }
        }

        return null;
    }

    public EvictionRule? MatchEviction(ReadOnlySpan<char> path, ref RouteValueRanges values)
    {
        foreach (var rule in _evictions)
        {
            if (rule.Path.TryMatch(path, ref values))
            {
                return rule;
            }
        }

        return null;
    }
}
