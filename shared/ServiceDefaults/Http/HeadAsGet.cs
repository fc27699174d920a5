using Microsoft.AspNetCore.Http;

namespace Tripmate.ServiceDefaults.Http;

/// <summary>
/// Every GET answers HEAD too (RFC 9110 expects it): the request is routed as a GET and its body
/// is discarded. Kestrel still knows the request was HEAD, so it sends the headers only.
/// </summary>
internal sealed class HeadAsGet(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            return next(context);
        }

        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
        return next(context);
    }
}
