using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tripmate.Gateway.Redis;
using Tripmate.ServiceDefaults.Auth;

namespace Tripmate.Gateway.Auth;

public static class GatewayAuthExtensions
{
    /// <summary>
    /// The same JWT validation every service uses, so a token the gateway lets through is one the
    /// service accepts too (it validates again: the Authorization header is forwarded unchanged).
    /// Every route needs a token through the fallback policy; register, login, refresh, logout,
    /// /.well-known, health and docs opt out (routes' "AuthorizationPolicy": "Anonymous", AllowAnonymous).
    /// On top, the gateway refuses tokens of revoked subjects (<see cref="RevokedSubjects"/>): the
    /// services trust it for that, as they are reachable only through it.
    /// <para>
    /// Keys: JwtBearer reads identity's discovery document and JWKS through a
    /// Microsoft.IdentityModel ConfigurationManager (8.23), which caches them and re-reads them
    /// every 12 h (DefaultAutomaticRefreshInterval). A token whose kid is unknown raises
    /// SecurityTokenSignatureKeyNotFoundException; JwtBearerOptions.RefreshOnIssuerKeyNotFound (on
    /// by default) then calls RequestRefresh, which re-reads the keys in the background at most
    /// once per RefreshInterval (5 min): that token is refused, later ones with the new kid pass.
    /// </para>
    /// <para>
    /// Set Auth:Authority to the gateway's own base URL: the keys are then fetched through the
    /// <c>/.well-known</c> route, from whichever identity instance is healthy.
    /// </para>
    /// </summary>
    /// <summary>Authentication, then the revocations services announce in their answers.</summary>
    public static WebApplication UseGatewayAuthentication(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<RevokedSubjectFromService>();
        return app;
    }

    public static IHostApplicationBuilder AddGatewayAuthentication(this IHostApplicationBuilder builder)
    {
        builder.AddGatewayRedis();
        builder.Services.Configure<RevocationOptions>(builder.Configuration.GetSection(RevocationOptions.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RevokedSubjects>();
        builder.Services.AddHostedService<RevokedSubjectsSync>();
        return builder.AddDefaultAuthentication(options => options.Events = new JwtBearerEvents
        {
            OnChallenge = KeysUnavailableChallenge.HandleAsync,
            OnTokenValidated = context =>
            {
                var revoked = context.HttpContext.RequestServices.GetRequiredService<RevokedSubjects>();
                if (context.Principal is { } principal && Caller.UserIdOf(principal) is { } subject && revoked.IsRevoked(subject))
                {
                    context.Fail("The account this token was issued to has been deleted.");
                }

                return Task.CompletedTask;
            },
        });
    }
}
