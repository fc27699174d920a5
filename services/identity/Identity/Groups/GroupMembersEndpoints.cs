using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tripmate.Contracts.Identity;
using Tripmate.Identity.Store;
using Tripmate.Outbox.EntityFrameworkCore;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.Caching;
using Tripmate.ServiceDefaults.OpenApi;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Identity.Groups;

public static class GroupMembersEndpoints
{
    public static IEndpointRouteBuilder MapGroupMembersEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var members = endpoints.MapGroup("/api/groups/{id:guid}/members").RequireAuthorization().WithTags("Groups").WithStandardProblems();
        members.MapGet("/", ListAsync).WithName("ListGroupMembers").WithSummary("Members of a group the caller belongs to.")
            .CacheAnswer(CacheScope.Private, GroupCaching.MaxAge);
        members.MapPost("/", AddAsync).WithName("AddGroupMember")
            .WithSummary("Add a user (owner or admin; only the owner grants admin).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        members.MapDelete("/{userId:guid}", RemoveAsync).WithName("RemoveGroupMember")
            .WithSummary("Remove a member (owner or admin), or leave the group (yourself).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<Results<Ok<Page<MemberResponse>>, NotFound>> ListAsync(
        Guid id, [AsParameters] PageQuery page, HttpContext http, IdentityDbContext db, CancellationToken cancellationToken)
    {
        if (await GroupAccess.FindAsync(db, id, http.User.GetUserId(), cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var after = page.After<MemberPosition>();
        var members = db.GroupMembers.Where(m => m.GroupId == id);
        if (after is not null)
        {
            members = members.Where(m => m.UserId.CompareTo(after.UserId) > 0);
        }

        var rows = await members
            .OrderBy(m => m.UserId)
            .Take(page.Size + 1)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, u.DisplayName, m.Role, m.JoinedAt })
            .OrderBy(m => m.UserId)
            .Select(m => new MemberResponse(m.UserId, m.DisplayName, m.Role, m.JoinedAt))
            .ToListAsync(cancellationToken);
        // Each member's tag too: the list shows their display name.
        http.TagAnswer([.. GroupCaching.MembershipTags(id), .. rows.Select(m => IdentityCacheTags.User(m.UserId))]);
        return TypedResults.Ok(Page.From(Slice.FromOverfetch(rows, page.Size, m => new MemberPosition(m.UserId)), m => m));
    }

    private sealed record MemberPosition(Guid UserId);

    private static async Task<Results<Created<MemberResponse>, NotFound, ProblemHttpResult>> AddAsync(
        Guid id, AddMemberRequest request, HttpContext http, IdentityDbContext db, IOptions<GroupOptions> options,
        CancellationToken cancellationToken)
    {
        var caller = await GroupAccess.FindAsync(db, id, http.User.GetUserId(), cancellationToken);
        if (caller is null)
        {
            return TypedResults.NotFound();
        }

        var role = request.Role ?? GroupRoles.Member;
        if (!GroupRoles.CanManageMembers(caller.Role))
        {
            return GroupAccess.Forbidden("Only the owner or an admin can add members.");
        }

        if (role == GroupRoles.Admin && caller.Role != GroupRoles.Owner)
        {
            return GroupAccess.Forbidden("Only the owner can make someone an admin.");
        }

        var userId = request.UserId!.Value;
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "User not found",
                detail: $"No user has the id {userId}.");
        }

        // The version's row lock also makes the size check exact: no other change of the group runs meanwhile.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await GroupVersions.NextAsync(db, id, cancellationToken) is not { } version)
        {
            return TypedResults.NotFound(); // deleted meanwhile
        }

        var maxMembers = options.Value.MaxMembers;
        if (await db.GroupMembers.CountAsync(m => m.GroupId == id, cancellationToken) >= maxMembers)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Group is full",
                detail: $"A group has at most {maxMembers} members.");
        }

        var member = new GroupMember { GroupId = id, UserId = userId, Role = role };
        db.GroupMembers.Add(member);
        db.AddEvent(new GroupMemberAdded(id, userId, role) { Version = version });
        db.AddEvent(http.InvalidateCacheTags(GroupCaching.MembershipTags(id)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already a member",
                detail: "This user is already a member of the group.");
        }

        return TypedResults.Created($"/api/groups/{id}/members/{userId}",
            new MemberResponse(userId, user.DisplayName, role, member.JoinedAt));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RemoveAsync(
        Guid id, Guid userId, HttpContext http, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var callerId = http.User.GetUserId();
        var caller = await GroupAccess.FindAsync(db, id, callerId, cancellationToken);
        if (caller is null)
        {
            return TypedResults.NotFound();
        }

        var target = await db.GroupMembers.SingleOrDefaultAsync(m => m.GroupId == id && m.UserId == userId, cancellationToken);
        if (target is null)
        {
            return TypedResults.NotFound();
        }

        if (target.Role == GroupRoles.Owner)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Owner cannot be removed",
                detail: "The owner cannot leave or be removed; delete the group instead.");
        }

        var leaving = userId == callerId;
        var mayRemove = caller.Role == GroupRoles.Owner || (caller.Role == GroupRoles.Admin && target.Role == GroupRoles.Member);
        if (!leaving && !mayRemove)
        {
            return GroupAccess.Forbidden("Only the owner, or an admin removing a plain member, can remove someone else.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await GroupVersions.NextAsync(db, id, cancellationToken) is not { } version)
        {
            return TypedResults.NotFound(); // deleted meanwhile
        }

        db.GroupMembers.Remove(target);
        db.AddEvent(new GroupMemberRemoved(id, userId) { Version = version });
        db.AddEvent(http.InvalidateCacheTags(GroupCaching.MembershipTags(id)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
