using Microsoft.Net.Http.Headers;
using Tripmate.ServiceDefaults.Caching;

namespace Tripmate.Gateway.Caching;

/// <summary>
/// One proxied answer on its way to the client, and what its service said about caching it. Just
/// before its headers leave (<see cref="FinishHeadersAsync"/>), the tags it made stale are evicted
/// and the cache headers meant for the gateway are taken off.
/// </summary>
internal sealed class ForwardedAnswer(HttpContext context, ResponseCacheStore store, UnmarkedPaths unmarked, string? getShape)
{
    private readonly HttpResponse _response = context.Response;
    private CacheMark? _mark;
    private bool _markRead;

    /// <summary>Answered from the cache: nothing came from a service.</summary>
    public bool IsHit { get; set; }

    /// <summary>Read once, when first asked: by then the service's headers are all there, and none of ours.</summary>
    public CacheMark? Mark
    {
        get
        {
            if (!_markRead)
            {
                _mark = CacheMark.Of(_response);
                _markRead = true;
            }

            return _mark;
        }
    }

    /// <summary>A 200 its service marked cacheable, with nothing the stored copy would lose (a cookie, an encoding, a Vary).</summary>
    public bool IsStorable(string? caller) =>
        _response.StatusCode == StatusCodes.Status200OK
        && Mark is { } mark && (mark.Scope == CacheScope.Public || caller is not null)
        && !_response.Headers.ContainsKey(HeaderNames.SetCookie)
        && !_response.Headers.ContainsKey(HeaderNames.ContentEncoding)
        && !_response.Headers.ContainsKey(HeaderNames.Vary);

    public HashSet<string> Tags => CacheTag.Parse(_response.Headers[CacheHeaders.Tags]);

    /// <summary>
    /// Runs as the headers start: the client cannot read before the eviction is done, so the writer
    /// sees its own write.
    /// </summary>
    public async Task FinishHeadersAsync()
    {
        if (IsHit)
        {
            return;
        }

        if (_response.Headers.Remove(CacheHeaders.Invalidate, out var stale) && CacheTag.Parse(stale) is { Count: > 0 } tags)
        {
            await store.EvictAsync(tags);
        }

        var mark = Mark;
        var isOk = _response.StatusCode == StatusCodes.Status200OK;
        if (getShape is not null && isOk)
        {
            unmarked.Record(getShape, marked: mark is not null);
        }

        if (mark is { } cacheable)
        {
            _response.Headers.CacheControl = cacheable.ClientCacheControl;
            if (isOk && getShape is not null)
            {
                _response.Headers[ResponseCacheMiddleware.CacheHeader] = "MISS";
            }
        }

        _response.Headers.Remove(CacheHeaders.Tags);
    }
}
