using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tripmate.Testing;

/// <summary>Access tokens as identity issues them (ES256, <c>sub</c> = the user id), signed with a test's own key.</summary>
public static class Tokens
{
    public const string Audience = "tripmate-api";

    public static string Sign(string issuer, ECDsaSecurityKey key, Guid userId, TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString())]),
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now.AddMinutes(-1),
            Expires = now + (lifetime ?? TimeSpan.FromHours(2)),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
    }
}
