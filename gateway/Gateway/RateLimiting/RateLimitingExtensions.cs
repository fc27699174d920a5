using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Tripmate.Gateway.Redis;

namespace Tripmate.Gateway.RateLimiting;

public static class RateLimitingExtensions
{
    public static IHostApplicationBuilder AddGatewayRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.AddGatewayRedis();
        builder.Services.AddOptions<RateLimitingOptions>().Bind(builder.Configuration.GetSection(RateLimitingOptions.Section))
            .Validate(options => options.General.IsValid && options.Strict.IsValid,
                "RateLimiting:General and RateLimiting:Strict need a positive PermitLimit and Window.")
            .ValidateOnStart();
        builder.Services.AddSingleton<RateLimitPartitioner>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<RateLimitPartitioner>((options, partitioner) =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(partitioner.Partition);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RateLimitRejection.WriteAsync;
        });
        return builder;
    }

    /// <summary>After authorization, so signed-in users are counted by user id.</summary>
    public static WebApplication UseGatewayRateLimiting(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }
}
