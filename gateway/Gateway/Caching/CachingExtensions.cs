namespace Tripmate.Gateway.Caching;

public static class CachingExtensions
{
    public static IHostApplicationBuilder AddGatewayCaching(this IHostApplicationBuilder builder) => builder;

    public static WebApplication UseGatewayCaching(this WebApplication app) => app;
}
