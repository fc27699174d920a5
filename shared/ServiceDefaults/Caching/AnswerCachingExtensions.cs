using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tripmate.Contracts.Caching;

namespace Tripmate.ServiceDefaults.Caching;

/// <summary>
/// How a service tells the gateway what it may cache and what a change made stale, with standard
/// headers only, so the gateway needs no knowledge of the service's routes:
/// <code>
/// users.MapGet("/{id:guid}", GetProfileAsync).CacheAnswer(CacheScope.Public, TimeSpan.FromMinutes(5));
/// ... in the handler: http.TagAnswer(IdentityCacheTags.User(id));
/// ... in a write:     db.AddEvent(http.InvalidateCacheTags(IdentityCacheTags.User(userId)));
/// </code>
/// </summary>
public static class AnswerCachingExtensions
{
    /// <summary>
    /// The endpoint's 200 answers may be cached for <paramref name="maxAge"/> (<c>Cache-Control</c>),
    /// and carry the tags its handler gives <see cref="TagAnswer"/> (<see cref="CacheHeaders.Tags"/>).
    /// Other answers (404, problems) are left unmarked: the gateway stores only 200s.
    /// </summary>
    public static TBuilder CacheAnswer<TBuilder>(this TBuilder builder, CacheScope scope, TimeSpan maxAge)
        where TBuilder : IEndpointConventionBuilder
    {
        var seconds = (long)maxAge.TotalSeconds;
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1, nameof(maxAge));
        var cacheControl = $"{(scope == CacheScope.Public ? "public" : "private")}, max-age={seconds}";
        return builder.AddEndpointFilter(async (context, next) =>
        {
            var answer = new TaggedAnswer();
            var http = context.HttpContext;
            http.Features.Set(answer);
            http.Response.OnStarting(() =>
            {
                if (http.Response.StatusCode == StatusCodes.Status200OK)
                {
                    http.Response.Headers.CacheControl = cacheControl;
                    if (answer.Tags.Count > 0)
                    {
                        http.Response.Headers[CacheHeaders.Tags] = string.Join(' ', answer.Tags);
                    }
                }

                return Task.CompletedTask;
            });
            return await next(context);
        });
    }

    /// <summary>No cache may keep any answer of the endpoint (<c>Cache-Control: no-store</c>): personal or live data.</summary>
    public static TBuilder NoStore<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return next(context);
        });

    /// <summary>
    /// Adds tags to this answer: evicting any of them drops it from the cache. Only on an endpoint
    /// with <see cref="CacheAnswer"/>; an answer whose data has no tag is kept until its max-age.
    /// </summary>
    public static void TagAnswer(this HttpContext http, params IEnumerable<string> tags)
    {
        var answer = http.Features.Get<TaggedAnswer>()
            ?? throw new InvalidOperationException($"TagAnswer needs .{nameof(CacheAnswer)}(...) on endpoint '{http.GetEndpoint()?.DisplayName}'.");
        foreach (var tag in tags)
        {
            answer.Tags.Add(CacheTag.Canonical(tag));
        }
    }

    /// <summary>
    /// Marks this write's answer with the tags it made stale (<see cref="CacheHeaders.Invalidate"/>):
    /// the gateway evicts them before the writer sees the answer. Returns the event that tells every
    /// cache the same, also of changes made without the gateway: add it to the outbox in the same
    /// transaction as the change. Call only once the change will be saved; evicting something
    /// unchanged costs one cache miss, nothing more.
    /// </summary>
    public static CacheTagsInvalidated InvalidateCacheTags(this HttpContext http, params IEnumerable<string> tags)
    {
        var canonical = tags.Select(CacheTag.Canonical).Distinct(StringComparer.Ordinal).ToList();
        if (canonical.Count > 0)
        {
            http.Response.Headers.Append(CacheHeaders.Invalidate, string.Join(' ', canonical));
        }

        return new CacheTagsInvalidated(canonical);
    }

    /// <summary>The tags of the answer being made, collected until its headers are written.</summary>
    private sealed class TaggedAnswer
    {
        public SortedSet<string> Tags { get; } = new(StringComparer.Ordinal);
    }
}
