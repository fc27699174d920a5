using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Trace;
using Tripmate.ServiceDefaults.Health;

namespace Tripmate.Gateway.Redis;

public static class RedisExtensions
{
    /// <summary>The shared Redis connection and its readiness check; safe to call from each feature that needs it.</summary>
    public static IHostApplicationBuilder AddGatewayRedis(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(s => s.ServiceType == typeof(GatewayRedis)))
        {
            return builder;
        }

        builder.Services.Configure<RedisOptions>(builder.Configuration.GetSection(RedisOptions.Section));
        builder.Services.AddSingleton<GatewayRedis>();
        // Each command a span; GatewayRedis hands its connection to the instrumentation once connected.
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddRedisInstrumentation());
        builder.Services.AddHostedService(services => services.GetRequiredService<GatewayRedis>());
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>(
            "redis", failureStatus: HealthStatus.Degraded, tags: [HealthEndpoints.ReadyTag], timeout: TimeSpan.FromSeconds(2));
        return builder;
    }
}
