using Tripmate.Identity.Users;

namespace Tripmate.Identity.Auth;

/// <summary>
/// One refresh token, stored as the SHA-256 of its value (a database leak yields nothing usable).
/// Every token of one sign-in shares a <see cref="FamilyId"/>: each refresh spends the token and
/// issues the next of the family, and a spent token shown again revokes the whole family, because
/// then a thief and the owner hold copies and nobody can tell which is which.
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

    public User? User { get; init; }
}
