using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tripmate.Identity.Store;
using Tripmate.Identity.Tokens;
using Tripmate.Identity.Users;

namespace Tripmate.Identity.Auth;

/// <summary>Signs in, exchanges and ends refresh tokens (see <see cref="RefreshToken"/>).</summary>
public sealed class RefreshTokens(IdentityDbContext db, TokenIssuer tokens, Revocations revocations, IOptions<IssuingOptions> options, TimeProvider clock)
{
    /// <summary>A new sign-in (family): its first refresh token and an access token naming it. The caller saves.</summary>
    public AccessTokenResponse SignIn(User user)
    {
        var family = Guid.CreateVersion7();
        return tokens.Issue(user, family, Issue(user.Id, family));
    }

    /// <summary>
    /// Spends <paramref name="value"/> and answers the next pair of its sign-in, or null when it is
    /// unknown, expired or revoked. Shown again after it was spent: within
    /// <see cref="IssuingOptions.RefreshReuseGrace"/> and from the same <paramref name="client"/>,
    /// the same answer again (two tabs refreshing at once); otherwise the sign-in ends (reuse).
    /// </summary>
    public async Task<AccessTokenResponse?> ExchangeAsync(string value, byte[] client, CancellationToken ct)
    {
        var hash = Hash(value);
        var token = await db.RefreshTokens.AsNoTracking().Include(t => t.User).SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (token?.User is null || token.RevokedAt is not null || token.ExpiresAt <= clock.GetUtcNow())
        {
            return null;
        }

        if (token.UsedAt is null && await TrySpendAsync(token, token.User, value, client, ct) is { } answer)
        {
            return answer;
        }

        // Spent, by an earlier request or by one racing this one (whose commit this read waited for).
        var spent = await db.RefreshTokens.AsNoTracking().SingleAsync(t => t.Id == token.Id, ct);
        if (spent.RevokedAt is null && spent.UsedAt is { } usedAt && clock.GetUtcNow() - usedAt <= options.Value.RefreshReuseGrace
            && spent.ClientHash is { } sameClient && CryptographicOperations.FixedTimeEquals(sameClient, client)
            && Open(spent.GraceAnswer, value) is { } again)
        {
            return again;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await revocations.EndSignInsAsync(token.UserId, [token.FamilyId], ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>Ends the sign-in <paramref name="value"/> belongs to (logout). Unknown values are ignored. Saves.</summary>
    public async Task EndAsync(string value, CancellationToken ct)
    {
        var hash = Hash(value);
        if (await db.RefreshTokens.Where(t => t.TokenHash == hash).Select(t => new { t.UserId, t.FamilyId }).SingleOrDefaultAsync(ct) is { } token)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await revocations.EndSignInsAsync(token.UserId, [token.FamilyId], ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>SHA-256 of what identifies the client of a request: its address and User-Agent.</summary>
    public static byte[] ClientOf(HttpContext http) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"{http.Connection.RemoteIpAddress}\n{http.Request.Headers.UserAgent}"));

    /// <summary>
    /// The next pair, and the spending of this token with its sealed answer, in one transaction: the
    /// spending row's lock makes racing exchanges wait for this commit, then find it spent.
    /// </summary>
    private async Task<AccessTokenResponse?> TrySpendAsync(RefreshToken token, User user, string value, byte[] client, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var answer = tokens.Issue(user, token.FamilyId, Issue(user.Id, token.FamilyId));
        var sealedAnswer = Seal(answer, value);
        var now = clock.GetUtcNow();
        var spent = await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.UsedAt, now).SetProperty(t => t.GraceAnswer, sealedAnswer)
                .SetProperty(t => t.ClientHash, client), ct);
        if (spent == 0)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return null;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return answer;
    }

    /// <summary>Adds the next token of the family (a new family: a new sign-in) and returns its value, shown once.</summary>
    private string Issue(Guid userId, Guid familyId)
    {
        var value = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        db.RefreshTokens.Add(new RefreshToken
        {
            UserId = userId,
            FamilyId = familyId,
            TokenHash = Hash(value),
            CreatedAt = now,
            ExpiresAt = now + options.Value.RefreshTokenLifetime,
        });
        return value;
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    /// <summary>AES-256-GCM under a key derived from the spent token's value: nonce, tag, ciphertext.</summary>
    private static byte[] Seal(AccessTokenResponse answer, string value)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(answer);
        var sealedAnswer = new byte[12 + 16 + plain.Length];
        RandomNumberGenerator.Fill(sealedAnswer.AsSpan(0, 12));
        using var aes = new AesGcm(KeyOf(value), 16);
        aes.Encrypt(sealedAnswer.AsSpan(0, 12), plain, sealedAnswer.AsSpan(28), sealedAnswer.AsSpan(12, 16));
        return sealedAnswer;
    }

    private static AccessTokenResponse? Open(byte[]? sealedAnswer, string value)
    {
        if (sealedAnswer is not { Length: > 28 })
        {
            return null;
        }

        var plain = new byte[sealedAnswer.Length - 28];
        try
        {
            using var aes = new AesGcm(KeyOf(value), 16);
            aes.Decrypt(sealedAnswer.AsSpan(0, 12), sealedAnswer.AsSpan(28), sealedAnswer.AsSpan(12, 16), plain);
            return JsonSerializer.Deserialize<AccessTokenResponse>(plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private static byte[] KeyOf(string value) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(value), 32, info: "tripmate refresh grace answer"u8.ToArray());
}
