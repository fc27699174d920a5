using Yarp.ReverseProxy;

namespace Tripmate.Gateway.Health;

public static class GatewayHealthExtensions
{
    /// <summary>Anonymous access to <c>/health/services</c>; otherwise any signed-in caller may read it.</summary>
    public const string AnonymousSetting = "Gateway:ServicesHealthAnonymous";

    /// <summary>
    /// <c>/health/live</c> and <c>/health/ready</c> come from the service defaults. <c>/health/services</c>
    /// is the gateway's own view of every instance, from YARP's active probes and passive
    /// observations; services' own health bodies are never relayed. It is operator data, so it is
    /// anonymous only where <see cref="AnonymousSetting"/> is true (Development); it shows
    /// instance names, never addresses.
    /// </summary>
    public static WebApplication MapGatewayHealth(this WebApplication app)
    {
        var endpoint = app.MapGet("/health/services", (IProxyStateLookup proxy) => TypedResults.Ok(ServicesHealth.From(proxy)))
            .DisableHttpMetrics()
            .ExcludeFromDescription();
        if (app.Configuration.GetValue<bool>(AnonymousSetting))
        {
            endpoint.AllowAnonymous();
        }

        return app;
    }
}
