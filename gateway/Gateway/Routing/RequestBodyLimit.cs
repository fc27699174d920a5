using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Tripmate.Gateway.Routing;

/// <summary>
/// Applies the route's body limit (<c>Metadata:MaxRequestBodySize</c>, else the default): a
/// declared length over it is refused before anything is forwarded; a chunked body is cut off by
/// Kestrel when it passes the limit.
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next, IOptions<GatewayLimits> limits, IProblemDetailsService problems)
{
    public const string MetadataKey = "MaxRequestBodySize";

    public async Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetReverseProxyFeature().Route.Config.Metadata;
        var max = metadata is not null && metadata.TryGetValue(MetadataKey, out var text) && long.TryParse(text, out var routeMax)
            ? routeMax
            : limits.Value.DefaultMaxRequestBodySize;

        if (context.Request.ContentLength > max)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Detail = $"The request body may be at most {max} bytes on this route.",
                },
            });
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = max;
        }

        await next(context);
    }
}
