using Microsoft.Net.Http.Headers;
using Tripmate.ServiceDefaults.Caching;

namespace Tripmate.Gateway.Caching;

/// <summary>
/// What a service said about its answer in <c>Cache-Control</c>: cacheable by whom (exactly one of
/// <c>public</c>, <c>private</c>) and for how long (<c>s-maxage</c>, the shared cache's own, else
/// <c>max-age</c>). Anything else is not a mark: no directive, <c>no-store</c>, <c>no-cache</c>, no
/// positive lifetime.
/// </summary>
internal readonly record struct CacheMark(CacheScope Scope, TimeSpan MaxAge)
{
    public static CacheMark? Of(HttpResponse response)
    {
        var header = response.Headers.CacheControl;
        if (header.Count == 0 || !CacheControlHeaderValue.TryParse(header.ToString(), out var directives)
            || directives.NoStore || directives.NoCache || directives.Public == directives.Private)
        {
            return null;
        }

        return (directives.SharedMaxAge ?? directives.MaxAge) is { } maxAge && maxAge > TimeSpan.Zero
            ? new CacheMark(directives.Public ? CacheScope.Public : CacheScope.Private, maxAge)
            : null;
    }

    /// <summary>
    /// What the client is told instead. Only the gateway's copy is evicted when the data changes; a
    /// copy further down (a browser, a CDN) would not be, so it must ask again each time, as it did
    /// before services marked their answers.
    /// </summary>
    public string ClientCacheControl => Scope == CacheScope.Public ? "no-cache" : "private, no-cache";
}
