using System.Net;
using Tripmate.Load.Http;

namespace Tripmate.Load.Seeding;

/// <summary>
/// EXTENSION POINT for the services still to come. Follows (social-graph, issue 11) and files
/// (files, issue 12) are planned with their real shapes (<see cref="SeedPlan.Follows"/>: power-law
/// in-degrees; <see cref="SeedPlan.Files"/>: log-normal sizes), and this step says whether the
/// gateway routes to the service yet. When it lands, give it a step of its own beside
/// <see cref="MessageSeeding"/> that sends the service's requests and journals the count done.
/// </summary>
public static class PendingServiceSeeding
{
    public static async Task RunAsync(SeedContext seed, SeedProgress.Step step, string probePath, string service, int planned, string shape, CancellationToken ct)
    {
        var (_, token) = await seed.TokenOfAsync(0);
        var outcome = await seed.Gateway.SendMeasuredAsync(LoadHttp.Request(HttpMethod.Get, probePath, token), ct);
        if (outcome.Status == (int)HttpStatusCode.ServiceUnavailable)
        {
            step.Finish($"{planned} planned, {shape}; skipped: {service} not deployed");
            return;
        }

        step.Finish($"{planned} planned, {shape}; {service} answers {outcome.Status}: its seeding is still to be written (extension point)");
    }
}
