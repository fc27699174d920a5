using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tripmate.Contracts.Identity;
using Tripmate.Identity.Store;
using Tripmate.Identity.Tokens;
using Tripmate.Outbox.EntityFrameworkCore;
using Tripmate.ServiceDefaults.Auth;

namespace Tripmate.Identity.Auth;

/// <summary>
/// Writes revocations (<see cref="Revocation"/>) and their events into the caller's unit of work
/// (the caller saves, in its transaction), and reads the list still in force.
/// </summary>
public sealed class Revocations(IdentityDbContext db, IOptions<IssuingOptions> options, TimeProvider clock)
{
    /// <summary>Every token issued until now has expired by then (validators allow 30 s of skew).</summary>
    private DateTimeOffset Until => clock.GetUtcNow() + options.Value.TokenLifetime + SigningKeys.ClockSkew;

    /// <summary>Ends the sign-ins (refresh token families): their refresh tokens stop working, their access tokens are refused everywhere.</summary>
    public async Task EndSignInsAsync(Guid userId, IReadOnlyCollection<Guid> signIns, CancellationToken ct)
    {
        if (signIns.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await db.RefreshTokens.Where(t => signIns.Contains(t.FamilyId) && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), ct);
        foreach (var signIn in signIns)
        {
            await AddAsync(Revocation.SignIn, signIn, ct);
        }

        db.AddEvent(new SignInsEnded(userId, [.. signIns]));
    }

    /// <summary>Every sign-in of the account that is still open (a password change).</summary>
    public async Task EndAllSignInsAsync(Guid userId, CancellationToken ct) =>
        await EndSignInsAsync(userId, await db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .Select(t => t.FamilyId).Distinct().ToListAsync(ct), ct);

    /// <summary>The account is deleted: all of its tokens are refused (its <c>UserDeleted</c> tells the services).</summary>
    public Task RevokeSubjectAsync(Guid userId, CancellationToken ct) => AddAsync(Revocation.Subject, userId, ct);

    public async Task<RevocationSnapshot> InForceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var entries = await db.Revocations.AsNoTracking().Where(r => r.Until > now).ToListAsync(ct);
        return new RevocationSnapshot(
            [.. entries.Where(r => r.Kind == Revocation.Subject).Select(r => new RevokedEntry(r.Id, r.Until))],
            [.. entries.Where(r => r.Kind == Revocation.SignIn).Select(r => new RevokedEntry(r.Id, r.Until))]);
    }

    private async Task AddAsync(string kind, Guid id, CancellationToken ct)
    {
        // Expired entries go as new ones come: the list stays as short as the token lifetime allows.
        await db.Revocations.Where(r => r.Until <= clock.GetUtcNow()).ExecuteDeleteAsync(ct);
        var known = await db.Revocations.FindAsync([kind, id], ct);
        if (known is null)
        {
            db.Revocations.Add(new Revocation { Kind = kind, Id = id, Until = Until });
        }
        else
        {
            known.Until = Until;
        }
    }
}

/// <summary>Identity's own instances read the list from the store, not over HTTP from themselves.</summary>
internal sealed class StoreRevocationSource(IServiceScopeFactory scopes) : IRevocationSource
{
    public async Task<RevocationSnapshot> ReadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Revocations>().InForceAsync(ct);
    }
}

public static class RevocationEndpoints
{
    /// <summary>
    /// The list other services read at start and every half minute. Anonymous: it is on a path
    /// the gateway does not route, reached only inside the cluster (network policies), and holds
    /// only ids of deleted accounts and ended sign-ins.
    /// </summary>
    public static IEndpointRouteBuilder MapRevocationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(RevocationSnapshot.Path, (Revocations revocations, CancellationToken ct) => revocations.InForceAsync(ct))
            .AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
