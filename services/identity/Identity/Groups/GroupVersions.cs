using Microsoft.EntityFrameworkCore;
using Tripmate.Identity.Store;

namespace Tripmate.Identity.Groups;

/// <summary>
/// Every change of a group takes the group's next version (see <c>GroupEvent.Version</c>). The
/// UPDATE locks the group's row until the caller's transaction ends, so concurrent changes of one
/// group wait for each other and commit in version order: the order consumers then rebuild.
/// </summary>
internal static class GroupVersions
{
    /// <summary>Call inside a transaction, before changing the group. Null when the group no longer exists.</summary>
    public static async Task<long?> NextAsync(IdentityDbContext db, Guid groupId, CancellationToken cancellationToken)
    {
        var versions = await db.Database
            .SqlQuery<long>($"UPDATE groups SET version = version + 1 WHERE id = {groupId} RETURNING version AS \"Value\"")
            .ToListAsync(cancellationToken);
        return versions is [var version] ? version : null;
    }
}
