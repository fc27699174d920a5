using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Tripmate.Gateway.Health;

/// <summary>What <c>/health/services</c> answers: each service's instances and how the gateway sees them.</summary>
public sealed record ServicesHealth(IReadOnlyList<ServicesHealth.Service> Services)
{
    /// <param name="Available">Instances receiving traffic now.</param>
    public sealed record Service(string Name, int Available, IReadOnlyList<Instance> Instances);

    /// <param name="Active">From the gateway's probes of /health/ready.</param>
    /// <param name="Passive">From failures of real requests.</param>
    public sealed record Instance(string Name, string Active, string Passive, bool Available);

    public static ServicesHealth From(IProxyStateLookup proxy) => new(proxy.GetClusters()
        .OrderBy(cluster => cluster.ClusterId)
        .Select(cluster =>
        {
            var available = cluster.DestinationsState.AvailableDestinations;
            return new Service(
                cluster.ClusterId,
                available.Count,
                cluster.Destinations.Values
                    .OrderBy(destination => destination.DestinationId)
                    .Select(destination => new Instance(
                        destination.DestinationId,
                        destination.Health.Active.ToString(),
                        destination.Health.Passive.ToString(),
                        available.Contains(destination)))
                    .ToList());
        })
        .ToList());
}
