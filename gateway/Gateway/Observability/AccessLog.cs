using System.Diagnostics;
using Tripmate.Gateway.Auth;
using Yarp.ReverseProxy.Model;

namespace Tripmate.Gateway.Observability;

/// <summary>
/// Gives each request an <c>X-Request-Id</c> (the client's if sane, else the W3C trace id, so logs
/// and traces meet), which YARP forwards with the other headers and the client gets back; then
/// writes one structured line per request. Trace context itself needs nothing here: ASP.NET Core
/// continues the incoming <c>traceparent</c> and YARP's client sends it on with its own span.
/// </summary>
internal sealed partial class AccessLog(RequestDelegate next, ILogger<AccessLog> logger)
{
    public const string RequestIdHeader = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var requestId = context.Request.Headers[RequestIdHeader].ToString();
        if (!IsSane(requestId))
        {
            requestId = Activity.Current?.TraceId.ToHexString() ?? Guid.NewGuid().ToString("N");
            context.Request.Headers[RequestIdHeader] = requestId;
        }

        context.Response.Headers[RequestIdHeader] = requestId;
        try
        {
            await next(context);
        }
        finally
        {
            Served(
                context.Request.Method,
                RouteName(context.GetEndpoint()),
                context.Request.Path,
                context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                Caller.UserIdOf(context.User),
                requestId);
        }
    }

    /// <summary>The proxy route's id (as in configuration), else the endpoint's pattern; "(none)" when nothing matched.</summary>
    private static string RouteName(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<RouteModel>()?.Config.RouteId
        ?? (endpoint as RouteEndpoint)?.RoutePattern.RawText
        ?? endpoint?.DisplayName
        ?? "(none)";

    /// <summary>Up to 64 letters, digits and <c>-_.:</c>: enough for any id scheme, too little to abuse logs.</summary>
    private static bool IsSane(string id)
    {
        if (id.Length is 0 or > 64)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "{Method} {Route} {Path} answered {Status} in {DurationMs:0.0} ms for user {UserId} (request {RequestId})")]
    private partial void Served(string method, string route, PathString path, int status, double durationMs, string? userId, string requestId);
}
