namespace Tripmate.Gateway.RateLimiting;

public static class RateLimitingExtensions
{
    public static IHostApplicationBuilder AddGatewayRateLimiting(this IHostApplicationBuilder builder) => builder;

    public static WebApplication UseGatewayRateLimiting(this WebApplication app) => app;
}
