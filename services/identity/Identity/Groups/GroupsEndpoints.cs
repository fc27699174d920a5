using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tripmate.Contracts.Identity;
using Tripmate.Identity.Store;
using Tripmate.Outbox.EntityFrameworkCore;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.Caching;
using Tripmate.ServiceDefaults.OpenApi;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Identity.Groups;

public static class GroupsEndpoints
{
    public static IEndpointRouteBuilder MapGroupsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var groups = endpoints.MapGroup("/api/groups").RequireAuthorization().WithTags("Groups").WithStandardProblems();
        groups.MapPost("/", CreateAsync).WithName("CreateGroup").WithSummary("Create a group; the caller becomes its owner.");
        groups.MapGet("/", ListMineAsync).WithName("ListMyGroups").WithSummary("Groups the caller belongs to (member=me).");
        groups.MapGet("/{id:guid}", GetAsync).WithName("GetGroup").WithSummary("A group the caller belongs to.")
            .CacheAnswer(CacheScope.Private, GroupCaching.MaxAge);
        groups.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateGroup").WithSummary("Rename or re-describe a group (owner only).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        groups.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteGroup").WithSummary("Delete a group (owner only).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return endpoints;
    }

    private static async Task<Results<Created<GroupResponse>, ProblemHttpResult>> CreateAsync(
        CreateGroupRequest request, HttpContext http, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var ownerId = http.User.GetUserId();
        var group = new Group
        {
            Name = request.Name.Trim(),
            Description = string.IsNullOrEmpty(request.Description) ? null : request.Description,
            OwnerId = ownerId,
        };
        group.Members.Add(new GroupMember { GroupId = group.Id, UserId = ownerId, Role = GroupRoles.Owner });
        db.Groups.Add(group);
        db.AddEvent(new GroupCreated(group.Id, group.Name, group.Description, ownerId) { Version = group.Version });
        db.AddEvent(new GroupMemberAdded(group.Id, ownerId, GroupRoles.Owner) { Version = group.Version });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsForeignKeyViolation())
        {
            // A token outlives the account it was issued to until it expires.
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Account not found",
                detail: "The account this token was issued to no longer exists.");
        }

        return TypedResults.Created($"/api/groups/{group.Id}", GroupResponse.From(group, GroupRoles.Owner));
    }

    private static async Task<Ok<Page<GroupResponse>>> ListMineAsync(
        [AsParameters] GroupListQuery query, [AsParameters] PageQuery page, HttpContext http, IdentityDbContext db,
        CancellationToken cancellationToken)
    {
        var callerId = http.User.GetUserId();
        var after = page.After<GroupPosition>();
        var memberships = db.GroupMembers.Where(m => m.UserId == callerId);
        if (after is not null)
        {
            memberships = memberships.Where(m => m.GroupId.CompareTo(after.GroupId) > 0);
        }

        var rows = await memberships
            .OrderBy(m => m.GroupId)
            .Take(page.Size + 1)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => new { Group = g, m.Role })
            .OrderBy(row => row.Group.Id)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(Page.From(
            Slice.FromOverfetch(rows, page.Size, row => new GroupPosition(row.Group.Id)), row => GroupResponse.From(row.Group, row.Role)));
    }

    private sealed record GroupPosition(Guid GroupId);

    private static async Task<Results<Ok<GroupResponse>, NotFound>> GetAsync(
        Guid id, HttpContext http, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var membership = await GroupAccess.FindAsync(db, id, http.User.GetUserId(), cancellationToken);
        http.TagAnswer(IdentityCacheTags.Group(id));
        return membership is null ? TypedResults.NotFound() : TypedResults.Ok(GroupResponse.From(membership.Group, membership.Role));
    }

    private static async Task<Results<Ok<GroupResponse>, NotFound, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateGroupRequest request, HttpContext http, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var membership = await GroupAccess.FindAsync(db, id, http.User.GetUserId(), cancellationToken);
        if (membership is null)
        {
            return TypedResults.NotFound();
        }

        if (membership.Role != GroupRoles.Owner)
        {
            return GroupAccess.Forbidden("Only the group's owner can change it.");
        }

        var group = membership.Group;
        group.Name = request.Name?.Trim() ?? group.Name;
        if (request.Description is { } description)
        {
            group.Description = description.Length == 0 ? null : description;
        }

        if (db.ChangeTracker.HasChanges())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await GroupVersions.NextAsync(db, id, cancellationToken) is not { } version)
            {
                return TypedResults.NotFound(); // deleted meanwhile
            }

            group.UpdatedAt = DateTimeOffset.UtcNow;
            db.AddEvent(new GroupUpdated(group.Id, group.Name, group.Description) { Version = version });
            db.AddEvent(http.InvalidateCacheTags(IdentityCacheTags.Group(group.Id)));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok(GroupResponse.From(group, membership.Role));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(
        Guid id, HttpContext http, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var membership = await GroupAccess.FindAsync(db, id, http.User.GetUserId(), cancellationToken);
        if (membership is null)
        {
            return TypedResults.NotFound();
        }

        if (membership.Role != GroupRoles.Owner)
        {
            return GroupAccess.Forbidden("Only the group's owner can delete it.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await GroupVersions.NextAsync(db, id, cancellationToken) is not { } version)
        {
            return TypedResults.NotFound(); // deleted meanwhile
        }

        db.Groups.Remove(membership.Group);
        db.AddEvent(new GroupDeleted(id) { Version = version });
        db.AddEvent(http.InvalidateCacheTags(GroupCaching.MembershipTags(id)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
