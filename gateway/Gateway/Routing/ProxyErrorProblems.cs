using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Yarp.ReverseProxy.Forwarder;

namespace Tripmate.Gateway.Routing;

/// <summary>
/// When the proxy could not get an answer from a service, the client gets problem details saying
/// which service, never a bare 502: 503 when no instance is available or reachable (not
/// deployed, or all down), 504 when it took too long, 502 for other failures.
/// </summary>
internal sealed class ProxyErrorProblems(RequestDelegate next, IProblemDetailsService problems, ILogger<ProxyErrorProblems> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.GetForwarderErrorFeature() is not { } error || context.Response.HasStarted)
        {
            return;
        }

        var service = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
        var (status, detail) = error.Error switch
        {
            ForwarderError.NoAvailableDestinations =>
                (StatusCodes.Status503ServiceUnavailable, $"No instance of the {service} service is available."),
            ForwarderError.Request when error.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } =>
                (StatusCodes.Status503ServiceUnavailable, $"No instance of the {service} service could be reached."),
            ForwarderError.RequestTimedOut => (StatusCodes.Status504GatewayTimeout, $"The {service} service did not answer in time."),
            _ when context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true =>
                (StatusCodes.Status504GatewayTimeout, $"The {service} service did not answer in time."),
            // The client went away (or its body was bad): YARP already chose the status, nobody reads a body.
            ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyClient => (0, null),
            _ => (StatusCodes.Status502BadGateway, $"The {service} service failed to answer."),
        };
        if (detail is null)
        {
            return;
        }

        logger.LogWarning("{Method} {Path} to {Service} failed ({Error}): {Reason}",
            context.Request.Method, context.Request.Path, service, error.Error, error.Exception?.Message);

        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        });
    }
}
