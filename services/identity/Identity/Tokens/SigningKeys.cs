using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Tripmate.Identity.Tokens;

/// <summary>
/// The key that signs (<see cref="Current"/>) and the one it replaced (<see cref="Previous"/>):
/// both are published and both verify, so a rotation never invalidates a token still in use.
/// </summary>
public sealed class SigningKeys
{
    public SigningKeys(IOptions<IssuingOptions> options)
    {
        var settings = options.Value;
        Current = SigningKey.Load(settings.SigningKeyPem, settings.SigningKeyPath, settings.CreateSigningKeyIfMissing)
            ?? throw new InvalidOperationException("Identity:SigningKeyPath or Identity:SigningKeyPem must be configured.");
        var previous = SigningKey.Load(settings.PreviousSigningKeyPem, settings.PreviousSigningKeyPath, createIfMissing: false);
        Previous = previous?.KeyId == Current.KeyId ? null : previous;
    }

    public SigningKey Current { get; }

    public SigningKey? Previous { get; }

    public IReadOnlyList<SigningKey> Published => Previous is null ? [Current] : [Current, Previous];

    public IEnumerable<SecurityKey> VerificationKeys => Published.Select(key => (SecurityKey)key.SecurityKey);
}
