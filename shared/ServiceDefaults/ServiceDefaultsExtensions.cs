using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tripmate.ServiceDefaults.Development;
using Tripmate.ServiceDefaults.Errors;
using Tripmate.ServiceDefaults.Health;
using Tripmate.ServiceDefaults.Http;
using Tripmate.ServiceDefaults.Telemetry;
using Tripmate.ServiceDefaults.Text;

namespace Tripmate.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// The local topology's settings (with <c>LocalTopology__Profile</c>, see
    /// <see cref="LocalTopologySettings"/>), telemetry, health checks, problem details, trusted
    /// proxies, resilient HTTP clients and no <c>Server</c> header. Each
    /// service also calls <c>AddValidation()</c> itself: the validation source generator only sees
    /// the request types of the project that makes that call.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddLocalTopology();
        builder.AddDefaultTelemetry();
        builder.Services.AddHealthChecks();
        builder.Services.AddDefaultProblemDetails();
        builder.Services.AddTrustedProxies(builder.Configuration);
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        // No "Server: Kestrel": it tells a prober which software (and which flaws) to try.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    /// <summary>
    /// The error pipeline, the query-string rules, HEAD for every GET, routing and the health
    /// endpoints. Call first, right after Build(), so exceptions and empty error responses from
    /// everything after it become problem details.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<QueryStringRules>();
        // Before routing, so a HEAD finds the GET endpoint.
        app.UseMiddleware<HeadAsGet>();
        app.UseRouting();
        app.UseMiddleware<RejectionEndpoints>();
        app.MapHealthEndpoints();
        return app;
    }
}
