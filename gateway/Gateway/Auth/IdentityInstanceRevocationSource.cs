using System.Net.Http.Json;
using Tripmate.ServiceDefaults.Auth;
using Yarp.ReverseProxy;

namespace Tripmate.Gateway.Auth;

/// <summary>
/// The gateway reads identity's revocation list from an available identity instance, as it knows
/// them (its Auth:Authority is itself, for the keys, and it routes no <c>/internal</c> path).
/// </summary>
internal sealed class IdentityInstanceRevocationSource(HttpClient http, IProxyStateLookup proxy) : IRevocationSource
{
    public async Task<RevocationSnapshot> ReadAsync(CancellationToken ct)
    {
        if (!proxy.TryGetCluster("identity", out var cluster) || cluster.DestinationsState.AvailableDestinations is not [var instance, ..])
        {
            throw new InvalidOperationException("No identity instance is available.");
        }

        var address = new Uri(new Uri(instance.Model.Config.Address), RevocationSnapshot.Path);
        return await http.GetFromJsonAsync<RevocationSnapshot>(address, ct) ?? new RevocationSnapshot([], []);
    }
}
