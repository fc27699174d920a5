using Microsoft.AspNetCore.Authentication.JwtBearer;
using Tripmate.ServiceDefaults.Auth;

namespace Tripmate.Gateway.Auth;

public static class GatewayAuthExtensions
{
    /// <summary>
    /// The same JWT validation every service uses, so a token the gateway lets through is one the
    /// service accepts too (it validates again: the Authorization header is forwarded unchanged).
    /// Every route needs a token through the fallback policy; register, login, /.well-known,
    /// health and docs opt out (routes' "AuthorizationPolicy": "Anonymous", AllowAnonymous).
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
    public static IHostApplicationBuilder AddGatewayAuthentication(this IHostApplicationBuilder builder) =>
        builder.AddDefaultAuthentication(options => options.Events = new JwtBearerEvents
        {
            OnChallenge = KeysUnavailableChallenge.HandleAsync,
        });
}
