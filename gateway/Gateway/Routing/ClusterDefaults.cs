using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;

namespace Tripmate.Gateway.Routing;

/// <summary>
/// What every cluster shares unless its configuration says otherwise: health checks tuned so that
/// a dead instance stops receiving traffic within 5 seconds.
/// </summary>
internal sealed class ClusterDefaults : IProxyConfigFilter
{
    private static readonly HealthCheckConfig HealthChecks = new()
    {
        // Never fall back to sending traffic to instances known to be down ("panic" mode):
        // with none healthy, the route answers 503 at once.
        AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyAndUnknown,
        // A killed instance refuses connections at once: two failed probes a second apart (the
        // default threshold of the ConsecutiveFailures policy) take it out within about 2-3 s,
        // while one slow probe on a busy machine does not.
        Active = new ActiveHealthCheckConfig
        {
            Enabled = true,
            Interval = TimeSpan.FromSeconds(1),
            Timeout = TimeSpan.FromSeconds(2),
            Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
            Path = "/health/ready",
        },
        // Real traffic failing (30% of at least 10 requests in a minute, the policy's defaults)
        // takes an instance out even between probes; after the period the probes decide again.
        Passive = new PassiveHealthCheckConfig
        {
            Enabled = true,
            Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
            ReactivationPeriod = TimeSpan.FromSeconds(10),
        },
    };

    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) =>
        ValueTask.FromResult(cluster.HealthCheck is null ? cluster with { HealthCheck = HealthChecks } : cluster);

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(route);
}
