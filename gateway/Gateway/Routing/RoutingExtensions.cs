using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Tripmate.Gateway.Routing;

public static class RoutingExtensions
{
    public const string Section = "ReverseProxy";

    /// <summary>
    /// <c>Gateway:DnsResolver</c>: with <c>Enabled</c>, every destination's host name is resolved by
    /// DNS and each address becomes a destination of its own (refreshed every <c>RefreshPeriod</c>).
    /// Deployments name one destination per service (a compose service or a headless Kubernetes
    /// Service) and get every replica, balanced per request. Off by default: ./dev and the tests
    /// name each instance's address themselves.
    /// </summary>
    public const string DnsResolverSection = "Gateway:DnsResolver";

    /// <summary>Routes and clusters from the <c>ReverseProxy</c> section (environment variables override it).</summary>
    public static IHostApplicationBuilder AddGatewayRouting(this IHostApplicationBuilder builder)
    {
        var proxy = builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection(Section))
            .AddConfigFilter<ClusterDefaults>();
        var dns = builder.Configuration.GetSection(DnsResolverSection);
        if (dns.GetValue<bool>("Enabled"))
        {
            // Replicas come and go with scaling: look again often, not every 5 minutes (the default).
            proxy.AddDnsDestinationResolver(options =>
            {
                options.RefreshPeriod = TimeSpan.FromSeconds(5);
                dns.Bind(options);
            });
        }
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
