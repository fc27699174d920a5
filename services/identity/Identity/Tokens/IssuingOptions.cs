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

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
