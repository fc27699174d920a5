using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Tripmate.Testing;

namespace Tripmate.Files.Tests.Infrastructure;

/// <summary>
/// Identity is not part of these tests: they sign tokens with a key of their own, which the
/// service under test is told to trust. Validation itself is the service's real code.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "tripmate-files-tests";
    public const string Audience = Tokens.Audience;

    public static ECDsaSecurityKey Key { get; } = new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = Guid.NewGuid().ToString("N") };

    public static string For(Guid userId)
    {
        return Tokens.Sign(Issuer, Key, userId, TimeSpan.FromHours(1));
    }
}
