namespace Tripmate.Identity.Groups;

/// <summary>Field lengths shared by request validation and the database schema.</summary>
public static class GroupLimits
{
    public const int Name = 100;
    public const int Description = 2000;
}
