using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Tripmate.Testing;

namespace Tripmate.SocialGraph.Tests.Infrastructure;

/// <summary>
/// Identity is not part of these tests, so they sign tokens themselves with an ES256 key of their
/// own, which the service under test is told to trust. Validation itself is the service's real code.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "tripmate-social-graph-tests";
    public const string Audience = Tokens.Audience;

    public static ECDsaSecurityKey Key { get; } = NewKey();

    public static string For(Guid userId, TimeSpan? lifetime = null, ECDsaSecurityKey? signedWith = null)
    {
        return Tokens.Sign(Issuer, signedWith ?? Key, userId, lifetime ?? TimeSpan.FromHours(1));
    }

    public static ECDsaSecurityKey NewKey() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = Guid.NewGuid().ToString("N") };
}
