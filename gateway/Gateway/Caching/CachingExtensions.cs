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
            .Validate(options => options.MaxLifetime > TimeSpan.Zero, "Caching:MaxLifetime must be positive.")
            .Validate(options => options.UnmarkedPathMemory >= TimeSpan.Zero, "Caching:UnmarkedPathMemory cannot be negative.")
            .Validate(options => !string.IsNullOrWhiteSpace(options.KeyPrefix) && !options.KeyPrefix.AsSpan().ContainsAny('{', '}'),
                "Caching:KeyPrefix must be set, without braces (it becomes the keys' hash tag).")
            .ValidateOnStart();
        builder.Services.AddSingleton<ResponseCacheStore>();
        builder.Services.AddSingleton<UnmarkedPaths>();
        return builder;
    }

    public static WebApplication UseGatewayCaching(this WebApplication app)
    {
        app.UseMiddleware<ResponseCacheMiddleware>();
        return app;
    }
}
