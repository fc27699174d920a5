namespace Tripmate.Identity.Users;

/// <summary>The account as its owner sees it. Never carries the password or its hash.</summary>
public sealed record AccountResponse(Guid Id, string Email, string DisplayName, string? Bio, DateTimeOffset CreatedAt)
{
    public static AccountResponse From(User user) => new(user.Id, user.Email, user.DisplayName, user.Bio, user.CreatedAt);
}

/// <summary>What anyone signed in may see of a user.</summary>
public sealed record PublicProfile(Guid Id, string DisplayName, string? Bio, DateTimeOffset CreatedAt)
{
    public static PublicProfile From(User user) => new(user.Id, user.DisplayName, user.Bio, user.CreatedAt);
}
