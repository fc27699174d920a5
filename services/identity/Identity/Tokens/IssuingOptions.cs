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
    /// A directory of keys named by the moment each starts signing (<see cref="SigningKeys"/>):
    /// where rotation writes new keys. May be used alone or beside <see cref="SigningKeyPath"/>.
    /// </summary>
    public string? SigningKeysDirectory { get; set; }

    /// <summary>
    /// How long a new key is published before it signs: longer than validators take to re-read
    /// the keys (5 min, the least Microsoft.IdentityModel allows) and than a mounted secret takes
    /// to update (about 1 min), so none meets a token of a key it has not seen.
    /// </summary>
    public TimeSpan KeyPrePublication { get; set; } = TimeSpan.FromMinutes(7);

    /// <summary>Short, because an access token cannot be taken back (a deleted account's is refused by the gateway).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long after an exchange the same refresh token, shown again by the same client, gets
    /// the same answer instead of ending the sign-in: two tabs refreshing at once. Short, since a
    /// thief on the same address and browser would get the pair too.
    /// </summary>
    public TimeSpan RefreshReuseGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a sign-in lasts without activity: each refresh issues a token valid this long.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);
}
