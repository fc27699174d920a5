using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tripmate.Identity.Users;
using Tripmate.ServiceDefaults.Auth;

namespace Tripmate.Identity.Tokens;

/// <param name="ExpiresIn">Seconds the access token is valid.</param>
/// <param name="RefreshToken">Exchange it at <c>POST /api/auth/refresh</c> for the next pair; usable once.</param>
/// <param name="RefreshTokenExpiresIn">Seconds the refresh token is valid.</param>
public sealed record AccessTokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, int RefreshTokenExpiresIn);

public sealed class TokenIssuer(SigningKeys keys, IOptions<IssuingOptions> tokenOptions, IOptions<AuthOptions> authOptions, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    /// <param name="signIn">The sign-in (refresh token family) the token belongs to: its <c>sid</c>, by which ending the sign-in revokes it.</param>
    public AccessTokenResponse Issue(User user, Guid signIn, string refreshToken)
    {
        var lifetime = tokenOptions.Value.TokenLifetime;
        var now = clock.GetUtcNow().UtcDateTime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = authOptions.Value.Issuer,
            Audience = authOptions.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = keys.Current.Credentials,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
                new Claim(JwtRegisteredClaimNames.Name, user.DisplayName),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
                new Claim(RevocationList.SignInClaim, signIn.ToString("D")),
            ]),
        });
        return new AccessTokenResponse(token, "Bearer", (int)lifetime.TotalSeconds,
            refreshToken, (int)tokenOptions.Value.RefreshTokenLifetime.TotalSeconds);
    }
}
