using System.Net;
using Tripmate.Load.Http;

namespace Tripmate.Load.Seeding;

/// <summary>
/// Whether the gateway reaches a service: it answers 503 for a route whose service is not running
/// (not deployed, or `./dev up` without it), and then that service's seeding and requests are left out.
/// </summary>
public static class ServiceProbe
{
    public const string SocialGraph = "/api/relationships/blocks?limit=1";
    public const string Files = "/api/files?limit=1";

    public static async Task<bool> IsDeployedAsync(HttpClient gateway, string probePath, string token, CancellationToken cancellationToken)
    {
        var outcome = await gateway.SendMeasuredAsync(LoadHttp.Request(HttpMethod.Get, probePath, token), cancellationToken);
        RateLimited.ThrowIf(outcome.Status);
        return outcome.Status != (int)HttpStatusCode.ServiceUnavailable;
    }
}
