using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Tripmate.Gateway.Auth;
using Yarp.ReverseProxy.Forwarder;

namespace Tripmate.Gateway.Caching;

/// <summary>
/// Serves the configured GETs from Redis and evicts what successful writes change. Runs after
/// authentication and authorization, so a request without a valid user never reaches the cache.
/// A request on any other route costs a few span comparisons: no allocation, no Redis call.
/// </summary>
public sealed class ResponseCacheMiddleware(RequestDelegate next, CacheRules rules, ResponseCacheStore store, IOptions<CachingOptions> options)
{
    public const string CacheHeader = "X-Cache";

    private readonly int _maxBodyBytes = options.Value.MaxBodyBytes;

    public Task InvokeAsync(HttpContext context)
    {
        var values = new RouteValueRanges();
        var path = context.Request.Path.Value.AsSpan();
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method))
        {
            return rules.MatchRoute(path, ref values) is { } route ? ServeAsync(context, route, values) : next(context);
        }

        var isWrite = HttpMethods.IsPost(method) || HttpMethods.IsPatch(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method);
        if (isWrite && rules.MatchEviction(path, ref values) is { } rule)
        {
            WriteEviction.EvictWhenSuccessful(context, rule, values, store);
        }

        return next(context);
    }

    private async Task ServeAsync(HttpContext context, CacheRoute route, RouteValueRanges values)
    {
        string? caller = null;
        if (!route.SharedAcrossUsers && (caller = Caller.UserIdOf(context.User)) is null)
        {
            await next(context); // anonymous access to a per-user route: nothing to key it by
            return;
        }

        var request = context.Request;
        var key = store.EntryKey(request.Path.Value!, request.QueryString.Value, caller);
        var lookup = await store.LookupAsync(key);
        if (lookup.Hit is { } hit)
        {
            await WriteHitAsync(context.Response, hit, context.RequestAborted);
            return;
        }

        context.Response.Headers[CacheHeader] = "MISS";
        if (lookup.MissAsOf is not { } asOf)
        {
            await next(context); // Redis is away: pass through
            return;
        }

        var clientBody = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var capture = new ResponseCapture(clientBody.Stream, _maxBodyBytes);
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(capture, clientBody));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(clientBody);
        }

        if (!capture.IsHeld || context.Features.Get<IForwarderErrorFeature>() is not null)
        {
            return; // already sent; or the proxy failed mid-answer and the error handling answers instead
        }

        if (IsStorable(context.Response) && TagsOf(route, request.Path.Value!, values, capture.Held) is { } tags)
        {
            store.Store(key, CachedResponse.Encode(asOf, tags, context.Response.ContentType, capture.Held), route.Lifetime);
        }

        context.Response.ContentLength ??= capture.Held.Length;
        await capture.SendHeldAsync(context.RequestAborted);
    }

    /// <summary>
    /// A 200 the backend did not forbid storing. Only the content type is kept with the body, so an
    /// answer whose meaning needs other headers (an encoding, a Vary, a cookie) is not stored.
    /// </summary>
    private static bool IsStorable(HttpResponse response) =>
        response.StatusCode == StatusCodes.Status200OK
        && !response.Headers.ContainsKey(HeaderNames.SetCookie)
        && !response.Headers.ContainsKey(HeaderNames.ContentEncoding)
        && !response.Headers.ContainsKey(HeaderNames.Vary)
        && !response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase);

    private static HashSet<string>? TagsOf(CacheRoute route, string path, in RouteValueRanges values, ReadOnlySpan<byte> body)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var template in route.Tags)
        {
            if (template.Format(path, values) is not { } tag)
            {
                return null;
            }

            tags.Add(tag);
        }

        return BodyTags.TryAddTo(tags, route, body) ? tags : null;
    }

    private static async Task WriteHitAsync(HttpResponse response, CachedResponse hit, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = hit.ContentType;
        response.ContentLength = hit.Body.Length;
        response.Headers[CacheHeader] = "HIT";
        await response.Body.WriteAsync(hit.Body, cancellationToken);
    }
}
