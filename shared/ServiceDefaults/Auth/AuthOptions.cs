namespace Tripmate.ServiceDefaults.Auth;

/// <summary>The <c>Auth</c> configuration section, shared by the token issuer and every validator.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Base URL of identity, where <c>/.well-known/openid-configuration</c> and the JWKS are served.</summary>
    public string? Authority { get; set; }

    /// <summary>
    /// The URL clients use (the gateway's, behind any ingress): identity's discovery document names
    /// its key set and token endpoint under it, never identity's own internal address.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>The <c>iss</c> identity writes and everyone checks.</summary>
    public string Issuer { get; set; } = "tripmate-identity";

    /// <summary>The <c>aud</c> identity writes and everyone checks.</summary>
    public string Audience { get; set; } = "tripmate-api";

    /// <summary>Only local development fetches the keys over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
