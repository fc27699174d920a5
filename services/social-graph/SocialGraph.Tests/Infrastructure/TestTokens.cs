using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tripmate.SocialGraph.Tests.Infrastructure;

/// <summary>
/// Identity is not part of these tests, so they sign tokens themselves with an ES256 key of their
/// own, which the service under test is told to trust. Validation itself is the service's real code.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "tripmate-social-graph-tests";
    public const string Audience = "tripmate-api";

    public static ECDsaSecurityKey Key { get; } = NewKey();

    public static string For(Guid userId, TimeSpan? lifetime = null, ECDsaSecurityKey? signedWith = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString())]),
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now.AddMinutes(-1),
            Expires = now + (lifetime ?? TimeSpan.FromHours(1)),
            SigningCredentials = new SigningCredentials(signedWith ?? Key, SecurityAlgorithms.EcdsaSha256),
        });
    }

    public static ECDsaSecurityKey NewKey() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = Guid.NewGuid().ToString("N") };
}
