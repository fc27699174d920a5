using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Tripmate.ServiceDefaults.Http;

/// <summary>
/// <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> are believed only from the proxies listed in
/// <c>ForwardedHeaders:TrustedProxies</c> (addresses or CIDR ranges: the ingress in front of the
/// gateway, the gateway in front of a service). Then the client address is the real client's, so
/// per-client rate limits work behind a load balancer, and nobody else can claim another address.
/// Nothing listed: the headers are ignored.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders:TrustedProxies";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var trusted = configuration.GetSection(Section).Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // With no known proxy at all the framework would believe every sender: read nothing then.
            options.ForwardedHeaders = trusted.Any(entry => !string.IsNullOrWhiteSpace(entry))
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost
                : ForwardedHeaders.None;
            // The framework trusts loopback by default; here only what is configured counts.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var entry in trusted.Where(entry => !string.IsNullOrWhiteSpace(entry)))
            {
                if (entry.Contains('/'))
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry.Trim()));
                }
                else
                {
                    options.KnownProxies.Add(IPAddress.Parse(entry.Trim()));
                }
            }
        });
        return services;
    }

    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}
