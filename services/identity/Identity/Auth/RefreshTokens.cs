using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tripmate.Identity.Store;
using Tripmate.Identity.Tokens;
using Tripmate.Identity.Users;

namespace Tripmate.Identity.Auth;

/// <summary>Issues, rotates and revokes refresh tokens (see <see cref="RefreshToken"/>).</summary>
public sealed class RefreshTokens(IdentityDbContext db, IOptions<IssuingOptions> options, TimeProvider clock)
{
    /// <summary>Starts a new family (a sign-in) or continues one, and returns the token's value, shown once.</summary>
    public string Issue(Guid userId, Guid? familyId = null)
    {
        var value = Base64UrlOf(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        db.RefreshTokens.Add(new RefreshToken
        {
            UserId = userId,
            FamilyId = familyId ?? Guid.CreateVersion7(),
            TokenHash = Hash(value),
            CreatedAt = now,
            ExpiresAt = now + options.Value.RefreshTokenLifetime,
        });
        return value;
    }

    /// <summary>
    /// Spends <paramref name="value"/> and returns its user with the next token of its family, or
    /// null when it is unknown, expired or revoked. A token already spent revokes its family.
    /// The caller saves, in the transaction it opened.
    /// </summary>
    public async Task<(User User, string Next)?> RotateAsync(string value, CancellationToken cancellationToken)
    {
        var hash = Hash(value);
        var token = await db.RefreshTokens.Include(t => t.User).SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        var now = clock.GetUtcNow();
        if (token?.User is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return null;
        }

        // Spend it only if nobody else has: two refreshes racing with one token cannot both win.
        var spent = await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.UsedAt, now), cancellationToken);
        if (spent == 0)
        {
            await RevokeFamilyAsync(token.FamilyId, cancellationToken);
            return null;
        }

        return (token.User, Issue(token.UserId, token.FamilyId));
    }

    /// <summary>Revokes the family of <paramref name="value"/> (logout). Unknown values are ignored.</summary>
    public async Task RevokeAsync(string value, CancellationToken cancellationToken)
    {
        var hash = Hash(value);
        var familyId = await db.RefreshTokens.Where(t => t.TokenHash == hash).Select(t => (Guid?)t.FamilyId).SingleOrDefaultAsync(cancellationToken);
        if (familyId is { } family)
        {
            await RevokeFamilyAsync(family, cancellationToken);
        }
    }

    /// <summary>Every sign-in of the user ends (password change).</summary>
    public Task RevokeAllAsync(Guid userId, CancellationToken cancellationToken) =>
        db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, clock.GetUtcNow()), cancellationToken);

    private Task RevokeFamilyAsync(Guid familyId, CancellationToken cancellationToken) =>
        db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, clock.GetUtcNow()), cancellationToken);

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    private static string Base64UrlOf(byte[] bytes) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(bytes);
}
