using Tripmate.Gateway.Redis;

namespace Tripmate.Gateway.Caching;

public static class CachingExtensions
{
    public static IHostApplicationBuilder AddGatewayCaching(this IHostApplicationBuilder builder)
    {
        builder.AddGatewayRedis();
        var section = builder.Configuration.GetSection(CachingOptions.Section);
        builder.Services.AddOptions<CachingOptions>().Bind(section)
            .Validate(options => options.MaxBodyBytes > 0, "Caching:MaxBodyBytes must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<CacheRules>();
        builder.Services.AddSingleton<ResponseCacheStore>();

        return builder;
    }

    public static WebApplication UseGatewayCaching(this WebApplication app)
    {
        // Resolved now so that a malformed template stops the start, not the first request.
        app.Services.GetRequiredService<CacheRules>();
        app.UseMiddleware<ResponseCacheMiddleware>();
        return app;
    }
}
