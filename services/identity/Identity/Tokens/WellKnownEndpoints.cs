using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Tripmate.ServiceDefaults.Auth;

namespace Tripmate.Identity.Tokens;

/// <summary>
/// What other services need to validate tokens without a shared secret: the discovery document
/// and the public keys it points to.
/// </summary>
public static class WellKnownEndpoints
{
    public static IEndpointRouteBuilder MapWellKnownEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var wellKnown = endpoints.MapGroup("/.well-known").AllowAnonymous().WithTags("Discovery");

        wellKnown.MapGet("/jwks.json", (SigningKeys keys) => TypedResults.Ok(new JsonWebKeySet([.. keys.Published.Select(key => key.PublicJwk)])))
            .WithName("GetJsonWebKeySet")
            .WithSummary("The public keys that verify access tokens.");

        wellKnown.MapGet("/openid-configuration", (HttpRequest request, IOptions<AuthOptions> auth) =>
            {
                // The public URL when configured; else wherever this document was fetched from (through
                // the gateway, its address: the gateway is a trusted proxy, so X-Forwarded-Host counts).
                var baseUrl = auth.Value.PublicUrl?.TrimEnd('/') is { Length: > 0 } publicUrl
                    ? publicUrl
                    : $"{request.Scheme}://{request.Host}{request.PathBase}";
                return TypedResults.Ok(new Dictionary<string, object>
                {
                    ["issuer"] = auth.Value.Issuer,
                    ["jwks_uri"] = $"{baseUrl}/.well-known/jwks.json",
                    ["token_endpoint"] = $"{baseUrl}/api/auth/login",
                    ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.EcdsaSha256 },
                    ["subject_types_supported"] = new[] { "public" },
                    ["response_types_supported"] = new[] { "token" },
                    ["claims_supported"] = new[] { "sub", "name", "iss", "aud", "exp", "iat", "nbf", "jti" },
                });
            })
            .WithName("GetOpenIdConfiguration")
            .WithSummary("OpenID discovery document naming the issuer and the key set.");

        return endpoints;
    }

    /// <summary>RFC 7517 key set: <c>{"keys": [...]}</c>.</summary>
    public sealed record JsonWebKeySet(IReadOnlyList<IReadOnlyDictionary<string, string>> Keys);
}
