using System.Globalization;

namespace Tripmate.Gateway.Routing;

/// <summary>
/// Headers every answer leaving the gateway gets or loses, whoever made it: no <c>Server</c> (a
/// service's, forwarded by the proxy, names its software; the gateway's own Kestrel sends none, see
/// the service defaults), and a 503 without <c>Retry-After</c> (the gateway's own: no instance
/// available, keys unavailable) gets one, so clients back off instead of hammering.
/// </summary>
internal sealed class GatewayAnswerHeaders(RequestDelegate next)
{
    /// <summary>About how long a probe takes to bring an instance back (1 s probes, two to pass) plus a margin.</summary>
    public const int RetryAfterSeconds = 5;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.Remove("Server");
            if (context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable && !headers.ContainsKey("Retry-After"))
            {
                headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}

public static class GatewayAnswerHeadersExtensions
{
    public static WebApplication UseGatewayAnswerHeaders(this WebApplication app)
    {
        app.UseMiddleware<GatewayAnswerHeaders>();
        return app;
    }
}
