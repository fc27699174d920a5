namespace Tripmate.Gateway.Observability;

public static class AccessLogExtensions
{
    /// <summary>First in the pipeline, so the request id and the log line cover everything after it, errors included.</summary>
    public static WebApplication UseGatewayAccessLog(this WebApplication app)
    {
        app.UseMiddleware<AccessLog>();
        return app;
    }
}
