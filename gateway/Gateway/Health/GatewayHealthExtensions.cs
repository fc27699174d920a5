namespace Tripmate.Gateway.Health;

public static class GatewayHealthExtensions
{
    public static WebApplication MapGatewayHealth(this WebApplication app) => app;
}
