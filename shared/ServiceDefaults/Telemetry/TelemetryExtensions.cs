using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Tripmate.Topology;

namespace Tripmate.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Activity sources and meters of the libraries every service uses.</summary>
    private static readonly string[] Sources =
        ["MassTransit", "Npgsql", TripmateTelemetry.SourceName, Tripmate.Cql.CqlTelemetry.SourceName, Tripmate.Neo4j.Neo4jTelemetry.SourceName];

    /// <summary>
    /// Logs, metrics and traces through OpenTelemetry, exported over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: by a deployment, or by the local topology for
    /// <c>./dev up</c> and F5 (its trace view), never by the tests.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        // The name each service's telemetry carries: OTEL_SERVICE_NAME (deployments), else the name ./dev gives it.
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } named
            ? named
            : LocalTopology.ServiceName(builder.Environment.ApplicationName);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(Sources))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(Sources)
                // Health probes every few seconds would drown the real traffic.
                .AddAspNetCoreInstrumentation(options =>
                    options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }

        return builder;
    }
}
