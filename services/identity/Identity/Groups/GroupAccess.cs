using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tripmate.Identity.Store;

namespace Tripmate.Identity.Groups;

/// <summary>
/// Groups are visible to their members only: for anyone else a group does not exist (404), so
/// group ids cannot be probed. Members lacking the needed role get 403.
/// </summary>
internal static class GroupAccess
{
    public sealed record Membership(Group Group, string Role);

    /// <summary>The group with the caller's role in it, or null when the caller is not a member.</summary>
    public static async Task<Membership?> FindAsync(IdentityDbContext db, Guid groupId, Guid callerId, CancellationToken cancellationToken)
    {
        var row = await db.Groups
            .Where(g => g.Id == groupId)
            .Join(db.GroupMembers.Where(m => m.UserId == callerId), g => g.Id, m => m.GroupId, (g, m) => new { Group = g, m.Role })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new Membership(row.Group, row.Role);
    }

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);
}
