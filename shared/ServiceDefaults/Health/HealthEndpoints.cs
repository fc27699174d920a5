using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;

namespace Tripmate.ServiceDefaults.Health;

public static class HealthEndpoints
{
    /// <summary>Checks tagged with this run in <c>/health/ready</c>: the stores and brokers a service needs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Mapped in every environment, because orchestrators need them in production most of all.
    /// Live runs no checks: it only says the process answers.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous().DisableHttpMetrics();

        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous().DisableHttpMetrics();

        return endpoints;
    }
}
