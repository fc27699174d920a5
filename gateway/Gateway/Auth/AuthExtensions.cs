using Microsoft.AspNetCore.Authentication.JwtBearer;
using Tripmate.ServiceDefaults.Auth;

namespace Tripmate.Gateway.Auth;

public static class GatewayAuthExtensions
{
    /// <summary>
    /// The same JWT validation every service uses, so a token the gateway lets through is one the
    /// service accepts too (it validates again: the Authorization header is forwarded unchanged).
    /// Every route needs a token through the fallback policy; register, login, refresh, logout,
    /// /.well-known, health and docs opt out (routes' "AuthorizationPolicy": "Anonymous", AllowAnonymous).
    /// Revoked tokens (deleted accounts, ended sign-ins) are refused by the shared
    /// <see cref="RevocationList"/>, here and in every service alike.
    /// <para>
    /// Keys: as in every service (AddDefaultAuthentication): cached, re-read every
    /// Auth:KeysRefreshInterval, and fetched at once for a token whose kid is unknown
    /// (<see cref="SigningKeyRefresh"/>).
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
        builder.Services.AddHttpClient<IdentityInstanceRevocationSource>();
        builder.Services.AddSingleton<IRevocationSource>(services => services.GetRequiredService<IdentityInstanceRevocationSource>());
        return builder.AddDefaultAuthentication(options => options.Events = new JwtBearerEvents
        {
            OnChallenge = KeysUnavailableChallenge.HandleAsync,
        });
    }
}
