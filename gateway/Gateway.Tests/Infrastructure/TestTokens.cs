using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tripmate.Gateway.Tests.Infrastructure;

/// <summary>Tokens made by a test, with identity's real key (read from the stack's key file) or another one.</summary>
public static class TestTokens
{
    public static string SignedWithStackKey(GatewayStack stack, Guid userId, DateTime expires)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(File.ReadAllText(stack.SigningKeyPath));
        return Create(userId, WithThumbprintKid(ecdsa), expires);
    }

    /// <summary>
    /// A fresh key that claims the real key's kid (so only the signature check can tell), or
    /// <paramref name="kid"/> when given.
    /// </summary>
    public static string SignedWithOtherKey(GatewayStack stack, Guid userId, string? kid = null)
    {
        using var real = ECDsa.Create();
        real.ImportFromPem(File.ReadAllText(stack.SigningKeyPath));
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var impostor = new ECDsaSecurityKey(other) { KeyId = kid ?? WithThumbprintKid(real).KeyId };
        return Create(userId, impostor, DateTime.UtcNow.AddMinutes(10));
    }

    private static ECDsaSecurityKey WithThumbprintKid(ECDsa ecdsa)
    {
        var key = new ECDsaSecurityKey(ecdsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    private static string Create(Guid userId, SecurityKey key, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = GatewayStack.Issuer,
            Audience = "tripmate-api",
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString())]),
            NotBefore = expires.AddMinutes(-20),
            IssuedAt = expires.AddMinutes(-20),
            Expires = expires,
            // Not cached: the cache is keyed by kid, and these keys are disposed after one use.
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256)
            {
                CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
            },
        });
}
