using Yarp.ReverseProxy.Configuration;

namespace Tripmate.Gateway.Routing;

public static class RoutingExtensions
{
    public const string Section = "ReverseProxy";

    /// <summary>Routes and clusters from the <c>ReverseProxy</c> section (environment variables override it).</summary>
    public static IHostApplicationBuilder AddGatewayRouting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection(Section))
            .AddConfigFilter<ClusterDefaults>();
        builder.AddGatewayLimits();
        return builder;
    }

    public static WebApplication MapGatewayRoutes(this WebApplication app)
    {
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<RequestBodyLimit>();
            proxy.UseMiddleware<ProxyErrorProblems>();
            // Wraps the destination choice, so a retry can choose again among the other instances.
            proxy.UseMiddleware<ConnectFailureRetry>();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}
