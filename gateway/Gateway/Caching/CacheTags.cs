namespace Tripmate.Gateway.Caching;

/// <summary>The tags events evict; the same names the <c>Caching</c> configuration gives entries.</summary>
public static class CacheTags
{
    public static string User(Guid userId) => $"user:{userId}";

    public static string Group(Guid groupId) => $"group:{groupId}";

    public static string GroupMembers(Guid groupId) => $"group:{groupId}:members";
}
