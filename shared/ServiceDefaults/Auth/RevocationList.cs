using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Tripmate.ServiceDefaults.Auth;

/// <summary>
/// Tokens every service refuses although they are validly signed: those of deleted accounts
/// (<c>sub</c>) and of ended sign-ins (<c>sid</c>). Checked on every authenticated request from
/// memory, so the check costs nothing and holds while identity or the broker is away. Fed by
/// identity's events on a queue of each instance (<see cref="RevocationConsumer"/>: within
/// milliseconds) and by identity's list read at start and periodically (<see cref="RevocationSync"/>:
/// what an instance missed). The same in the gateway and in every service, so a service reached
/// without the gateway refuses what the gateway refuses.
/// </summary>
public sealed class RevocationList(IOptions<RevocationOptions> options, TimeProvider clock)
{
    /// <summary>The claim naming the sign-in (a refresh token family) an access token belongs to.</summary>
    public const string SignInClaim = "sid";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _until = new(StringComparer.OrdinalIgnoreCase);

    public bool IsRevoked(ClaimsPrincipal principal) =>
        IsListed(Key("sub", principal.FindFirstValue("sub"))) || IsListed(Key(SignInClaim, principal.FindFirstValue(SignInClaim)));

    /// <summary>Refuses the account's tokens from now on (<paramref name="until"/>: when its last token has expired).</summary>
    public void RevokeSubject(Guid userId, DateTimeOffset? until = null) => Add(Key("sub", userId.ToString("D")), until);

    public void RevokeSignIn(Guid signInId, DateTimeOffset? until = null) => Add(Key(SignInClaim, signInId.ToString("D")), until);

    /// <summary>Forgets entries whose tokens have all expired.</summary>
    public void DropExpired()
    {
        var now = clock.GetUtcNow();
        foreach (var entry in _until.Where(e => e.Value <= now))
        {
            _until.TryRemove(entry);
        }
    }

    private void Add(string? key, DateTimeOffset? until)
    {
        if (key is null)
        {
            return;
        }

        var end = until ?? clock.GetUtcNow() + options.Value.EntryLifetime;
        _until.AddOrUpdate(key, end, (_, known) => known > end ? known : end);
    }

    private bool IsListed(string? key) => key is not null && _until.TryGetValue(key, out var until) && until > clock.GetUtcNow();

    private static string? Key(string kind, string? id) => string.IsNullOrEmpty(id) ? null : $"{kind}:{id}";
}
