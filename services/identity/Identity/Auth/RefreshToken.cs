using Tripmate.Identity.Users;

namespace Tripmate.Identity.Auth;

/// <summary>
/// One refresh token, stored as the SHA-256 of its value (a database leak yields nothing usable).
/// Every token of one sign-in shares a <see cref="FamilyId"/> (the access tokens' <c>sid</c>): each
/// refresh spends the token and issues the next of the family, and a spent token shown again
/// revokes the whole family, because then a thief and the owner hold copies and nobody can tell
/// which is which; except within a short grace window, from the same client, when it is two tabs
/// refreshing at once (<see cref="GraceAnswer"/>).
/// </summary>
public sealed class RefreshToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UserId { get; init; }

    public Guid FamilyId { get; init; }

    public required byte[] TokenHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Set when the token was exchanged for the next one of its family.</summary>
    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>Set on logout, password change or detected reuse.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>
    /// The answer the exchange gave (the next access and refresh token), sealed with a key derived
    /// from this token's value, which only its holder has: a repeat within the grace window gets
    /// the same answer, and the database alone opens nothing.
    /// </summary>
    public byte[]? GraceAnswer { get; set; }

    /// <summary>SHA-256 of the exchanging client's address and User-Agent: a repeat from elsewhere is reuse.</summary>
    public byte[]? ClientHash { get; set; }

    public User? User { get; init; }
}
