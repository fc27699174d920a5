namespace Tripmate.Gateway.Routing;

public static class RoutingExtensions
{
    public static IHostApplicationBuilder AddGatewayRouting(this IHostApplicationBuilder builder) => builder;

    public static WebApplication MapGatewayRoutes(this WebApplication app) => app;
}
