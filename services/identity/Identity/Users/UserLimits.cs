namespace Tripmate.Identity.Users;

/// <summary>Field lengths shared by request validation and the database schema.</summary>
public static class UserLimits
{
    public const int Email = 254;
    public const int PasswordMin = 8;
    public const int PasswordMax = 128;
    public const int DisplayName = 100;
    public const int Bio = 1000;
    public const int SearchMin = 2;

    /// <summary>Refresh tokens are 43 characters; anything much longer is not one.</summary>
    public const int RefreshToken = 100;

    /// <summary>At least one visible character: a name of spaces alone would trim to nothing.</summary>
    public const string VisibleText = @"^(?s).*\S.*$";
}
