namespace Tripmate.Identity.Tokens;

/// <summary>The <c>Identity</c> configuration section.</summary>
public sealed class IssuingOptions
{
    public const string Section = "Identity";

    /// <summary>PEM file holding the EC P-256 private key that signs tokens (mounted from a secret in production).</summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>The same key given inline, for platforms that hand secrets over as environment variables.</summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>Local development only: create a key at <see cref="SigningKeyPath"/> on first start.</summary>
    public bool CreateSigningKeyIfMissing { get; set; }

    /// <summary>
    /// The PEM of the key signed with before the last rotation: still published in the JWKS, so
    /// access tokens it signed stay valid until they expire. Remove it one token lifetime after a rotation.
    /// </summary>
    public string? PreviousSigningKeyPath { get; set; }

    /// <summary>The previous key given inline.</summary>
    public string? PreviousSigningKeyPem { get; set; }

    /// <summary>Short, because an access token cannot be taken back (a deleted account's is refused by the gateway).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a sign-in lasts without activity: each refresh issues a token valid this long.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);
}
