namespace Tripmate.Gateway.Observability;

public static class AccessLogExtensions
{
    public static WebApplication UseGatewayAccessLog(this WebApplication app) => app;
}
