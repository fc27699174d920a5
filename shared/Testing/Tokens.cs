using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tripmate.Testing;

/// <summary>
/// Access tokens as identity issues them (ES256, <c>sub</c> = the user id), signed by the tests.
/// Where identity is not part of a test, tokens come from <see cref="For"/>: this process's own
/// <see cref="Issuer"/> and <see cref="Key"/>, which the service under test is told to trust
/// (<c>ServiceApp.TrustTestTokens</c>, or <see cref="KeyServer"/> for a service run as a process);
/// validation itself is the service's real code. Where identity runs, tests sign with its key
/// (<see cref="FromPemFile"/>) or with an impostor's.
/// </summary>
public static class Tokens
{
    public const string Audience = "tripmate-api";

    public const string Issuer = "tripmate-tests";

    public static ECDsaSecurityKey Key { get; } = NewKey();

    /// <summary>A token of <see cref="Issuer"/> for the user, valid for an hour unless told otherwise.</summary>
    public static string For(Guid userId, TimeSpan? lifetime = null, SecurityKey? signedWith = null) =>
        Sign(Issuer, signedWith ?? Key, userId, lifetime ?? TimeSpan.FromHours(1));

    /// <summary>A fresh P-256 key, with a random kid unless one is given (an impostor's claims the real key's).</summary>
    public static ECDsaSecurityKey NewKey(string? kid = null) =>
        new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = kid ?? Guid.NewGuid().ToString("N") };

    /// <summary>Identity's signing key from its PEM file, with the kid identity gives it (the key's RFC 7638 thumbprint).</summary>
    public static ECDsaSecurityKey FromPemFile(string path)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(File.ReadAllText(path));
        var key = new ECDsaSecurityKey(ecdsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    /// <summary>Valid from a minute ago for <paramref name="lifetime"/> (two hours unless told otherwise).</summary>
    public static string Sign(string issuer, SecurityKey key, Guid userId, TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        return Create(issuer, key, userId.ToString(), now.AddMinutes(-1), now + (lifetime ?? TimeSpan.FromHours(2)));
    }

    /// <summary>An hour's token that expires at <paramref name="expires"/>, which may be past.</summary>
    public static string SignExpiringAt(string issuer, SecurityKey key, Guid userId, DateTime expires) =>
        Create(issuer, key, userId.ToString(), expires.AddHours(-1), expires);

    /// <summary>
    /// Ten minutes' token signed by a fresh key that claims <paramref name="realKey"/>'s kid (or
    /// <paramref name="kid"/>), so only the signature check can tell it from a real one.
    /// </summary>
    public static string SignAsImpostor(string issuer, SecurityKey realKey, Guid userId, string? kid = null) =>
        SignExpiringAt(issuer, NewKey(kid ?? realKey.KeyId), userId, DateTime.UtcNow.AddMinutes(10));

    /// <summary>A token valid for five minutes whose <c>sub</c> is any text, or missing: a user id it is not.</summary>
    public static string SignWithSubject(string issuer, SecurityKey key, string? subject) =>
        Create(issuer, key, subject, issuedAt: null, DateTime.UtcNow.AddMinutes(5));

    private static string Create(string issuer, SecurityKey key, string? subject, DateTime? issuedAt, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = Audience,
            Subject = subject is null ? new ClaimsIdentity() : new ClaimsIdentity([new Claim("sub", subject)]),
            NotBefore = issuedAt,
            IssuedAt = issuedAt,
            Expires = expires,
            // Not cached: the cache is keyed by kid, and impostor keys reuse the real key's kid.
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256)
            {
                CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
            },
        });
}
