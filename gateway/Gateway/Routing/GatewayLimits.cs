using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Tripmate.Gateway.Routing;

/// <summary>The <c>Gateway:Limits</c> section: what routes get unless their own configuration says otherwise.</summary>
public sealed class GatewayLimits
{
    public const string Section = "Gateway:Limits";

    /// <summary>Routes set their own with <c>Timeout</c>, or none with <c>"TimeoutPolicy": "Disable"</c>.</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Routes set their own in <c>Metadata:MaxRequestBodySize</c> (bytes).</summary>
    public long DefaultMaxRequestBodySize { get; set; } = 1024 * 1024;
}

public static class GatewayLimitsExtensions
{
    internal static IHostApplicationBuilder AddGatewayLimits(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(GatewayLimits.Section);
        builder.Services.Configure<GatewayLimits>(section);
        var limits = section.Get<GatewayLimits>() ?? new GatewayLimits();
        // Kestrel reads its endpoints from "Kestrel" by itself, but not its limits (header sizes).
        builder.Services.Configure<KestrelServerOptions>(builder.Configuration.GetSection("Kestrel"));
        builder.Services.AddRequestTimeouts(options => options.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = limits.DefaultTimeout,
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
        });
        return builder;
    }

    /// <summary>Timeouts need the matched endpoint, and must start before the proxy does.</summary>
    public static WebApplication UseGatewayLimits(this WebApplication app)
    {
        app.UseRequestTimeouts();
        return app;
    }
}
