using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Tripmate.Gateway.Auth;
using Tripmate.ServiceDefaults.Caching;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Tripmate.Gateway.Caching;

/// <summary>
/// The response cache, knowing no service: each answer says whether it may be cached, for whom,
/// how long and under which tags (<c>Cache-Control</c>, <see cref="CacheHeaders.Tags"/>), and a
/// write's answer which tags it made stale (<see cref="CacheHeaders.Invalidate"/>). Runs after
/// authentication and authorization, so a request without a valid user never reaches the cache;
/// only proxied requests pass through it.
/// </summary>
public sealed class ResponseCacheMiddleware(
    RequestDelegate next, ResponseCacheStore store, UnmarkedPaths unmarked, IOptions<CachingOptions> options)
{
    public const string CacheHeader = "X-Cache";

    private readonly int _maxBodyBytes = options.Value.MaxBodyBytes;
    private readonly TimeSpan _maxLifetime = options.Value.MaxLifetime;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is not { } route)
        {
            return next(context); // the gateway's own endpoints (health, docs)
        }

        var isGet = HttpMethods.IsGet(context.Request.Method);
        var shape = isGet ? UnmarkedPaths.ShapeOf(route.Config.RouteId, context.Request.Path.Value ?? "") : null;
        var answer = new ForwardedAnswer(context, store, unmarked, shape);
        context.Response.OnStarting(static state => ((ForwardedAnswer)state).FinishHeadersAsync(), answer);
        return isGet && !unmarked.IsUnmarked(shape!) ? ServeAsync(context, answer) : next(context);
    }

    private async Task ServeAsync(HttpContext context, ForwardedAnswer answer)
    {
        var caller = Caller.UserIdOf(context.User);
        var pathAndQuery = context.Request.Path.Value + context.Request.QueryString.Value;
        var lookup = await store.LookupAsync(pathAndQuery, caller);
        if (lookup.Hit is { } hit)
        {
            answer.IsHit = true;
            await WriteHitAsync(context.Response, hit, lookup.HitScope, context.RequestAborted);
            return;
        }

        if (lookup.MissAsOf is not { } asOf)
        {
            await next(context); // Redis is away: pass through
            return;
        }

        var clientBody = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var capture = new ResponseCapture(clientBody.Stream, _maxBodyBytes, () => answer.IsStorable(caller));
        var capturing = new StreamResponseBodyFeature(capture, clientBody);
        context.Features.Set<IHttpResponseBodyFeature>(capturing);
        try
        {
            await next(context);
            await capturing.CompleteAsync(); // what was written through BodyWriter (problem details) is still in its pipe
        }
        finally
        {
            context.Features.Set(clientBody);
        }

        if (!capture.IsHeld || context.Features.Get<IForwarderErrorFeature>() is not null)
        {
            return; // already sent; or the proxy failed mid-answer and the error handling answers instead
        }

        if (answer.IsStorable(caller) && answer.Mark is { } mark)
        {
            var key = store.EntryKey(mark.Scope, pathAndQuery, caller);
            var lifetime = mark.MaxAge < _maxLifetime ? mark.MaxAge : _maxLifetime;
            store.Store(key, CachedResponse.Encode(asOf, answer.Tags, context.Response.ContentType, capture.Held), lifetime);
        }

        context.Response.ContentLength ??= capture.Held.Length;
        await capture.SendHeldAsync(context.RequestAborted);
    }

    private static async Task WriteHitAsync(HttpResponse response, CachedResponse hit, CacheScope scope, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = hit.ContentType;
        response.ContentLength = hit.Body.Length;
        response.Headers.CacheControl = new CacheMark(scope, default).ClientCacheControl;
        response.Headers[CacheHeader] = "HIT";
        await response.Body.WriteAsync(hit.Body, cancellationToken);
    }
}
