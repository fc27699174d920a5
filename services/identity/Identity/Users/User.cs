namespace Tripmate.Identity.Users;

public sealed class User
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>As the user typed it, for display and mail.</summary>
    public required string Email { get; set; }

    /// <summary>Lower-cased e-mail, unique: two spellings of one address are one account.</summary>
    public required string NormalizedEmail { get; set; }

    public string PasswordHash { get; set; } = "";

    public required string DisplayName { get; set; }

    /// <summary>Lower-cased display name, indexed for prefix search that ignores case.</summary>
    public required string SearchName { get; set; }

    public string? Bio { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    public static string Normalize(string value) => value.Trim().ToLowerInvariant();
}
