using System.Net.Http;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Tripmate.Gateway.Routing;

/// <summary>
/// A GET or HEAD whose connection to the chosen instance failed is sent once more to another
/// instance. Safe because such a request has no body and never reached the service; YARP has no
/// retry of its own. It sits before load balancing, which then chooses among the others.
/// </summary>
internal sealed class ConnectFailureRetry(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        // Load balancing narrows AvailableDestinations to its choice, so keep the full list.
        var candidates = proxy.AvailableDestinations;
        await next(context);

        if (!IsRetryable(context) || proxy.ProxiedDestination is not { } failed)
        {
            return;
        }

        var others = candidates.Where(destination => destination != failed).ToArray();
        if (others.Length == 0)
        {
            return;
        }

        context.Features.Set<IForwarderErrorFeature>(null);
        context.Response.StatusCode = StatusCodes.Status200OK;
        proxy.AvailableDestinations = others;
        await next(context);
    }

    private static bool IsRetryable(HttpContext context) =>
        context.GetForwarderErrorFeature() is
        {
            Error: ForwarderError.Request,
            Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError },
        }
        && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && !context.Response.HasStarted
        && context.Request.ContentLength is null or 0
        && !context.Request.Headers.ContainsKey("Transfer-Encoding");
}
