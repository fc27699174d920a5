using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tripmate.Contracts.Identity;
using Tripmate.Identity.Auth;
using Tripmate.Identity.Groups;
using Tripmate.Identity.Store;
using Tripmate.Outbox.EntityFrameworkCore;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.Caching;
using Tripmate.ServiceDefaults.OpenApi;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Identity.Users;

public static class UsersEndpoints
{
    public static IEndpointRouteBuilder MapUsersEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/api/users").RequireAuthorization().WithTags("Users").WithStandardProblems();
        users.MapGet("/me", GetMeAsync).WithName("GetMe").WithSummary("The caller's own account.").NoStore();
        users.MapPatch("/me", UpdateMeAsync).WithName("UpdateMe").WithSummary("Change the caller's display name or bio.");
        users.MapPost("/me/password", ChangePasswordAsync).WithName("ChangePassword")
            .WithSummary("Change the caller's password; every sign-in (refresh token) of the account ends.");
        users.MapDelete("/me", DeleteMeAsync).WithName("DeleteMe").WithSummary("Delete the caller's account, and the groups they own.");
        users.MapGet("/{id:guid}", GetProfileAsync).WithName("GetUserProfile").WithSummary("A user's public profile.")
            .CacheAnswer(CacheScope.Public, TimeSpan.FromMinutes(5));
        users.MapGet("/", SearchAsync).WithName("SearchUsers").WithSummary("Users whose display name starts with the query, case ignored.");
        return endpoints;
    }

    private static async Task<Results<Ok<AccountResponse>, NotFound>> GetMeAsync(
        HttpContext http, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == http.User.GetUserId(), cancellationToken);
        return user is null ? TypedResults.NotFound() : TypedResults.Ok(AccountResponse.From(user));
    }

    private static async Task<Results<Ok<AccountResponse>, NotFound>> UpdateMeAsync(
        UpdateProfileRequest request, HttpContext http, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == http.User.GetUserId(), cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        if (request.DisplayName is { } displayName)
        {
            user.DisplayName = displayName.Trim();
            user.SearchName = User.Normalize(displayName);
        }

        if (request.Bio is { } bio)
        {
            user.Bio = bio.Length == 0 ? null : bio;
        }

        // Only a real change is an event: consumers evict caches and notify on it.
        if (db.ChangeTracker.HasChanges())
        {
            user.UpdatedAt = DateTimeOffset.UtcNow;
            db.AddEvent(new UserProfileUpdated(user.Id, user.DisplayName, user.Bio));
            db.AddEvent(http.InvalidateCacheTags(IdentityCacheTags.User(user.Id)));
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(AccountResponse.From(user));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> ChangePasswordAsync(
        ChangePasswordRequest request, HttpContext http, IdentityDbContext db, IPasswordHasher<User> hasher, RefreshTokens refreshTokens,
        CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == http.User.GetUserId(), cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        if (hasher.VerifyHashedPassword(user, user.PasswordHash, request.CurrentPassword) == PasswordVerificationResult.Failed)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["currentPassword"] = ["The current password is not correct."],
            });
        }

        user.PasswordHash = hasher.HashPassword(user, request.NewPassword);
        user.UpdatedAt = DateTimeOffset.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await refreshTokens.RevokeAllAsync(user.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Removes the account with the groups it owns and its other memberships, raising an event for
    /// each so other services can purge what they keep. One transaction: all or nothing.
    /// </summary>
    private static async Task<Results<NoContent, NotFound>> DeleteMeAsync(
        HttpContext http, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var userId = http.User.GetUserId();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var memberships = await db.GroupMembers.Where(m => m.UserId == userId).ToListAsync(cancellationToken);
        var ownedGroups = await db.Groups.Where(g => g.OwnerId == userId).ToListAsync(cancellationToken);
        // In group id order, so two deletions sharing groups lock them in the same order (no deadlock).
        foreach (var membership in memberships.OrderBy(m => m.GroupId))
        {
            var version = await GroupVersions.NextAsync(db, membership.GroupId, cancellationToken) ?? 0;
            db.AddEvent(ownedGroups.Any(g => g.Id == membership.GroupId)
                ? new GroupDeleted(membership.GroupId) { Version = version }
                : new GroupMemberRemoved(membership.GroupId, userId) { Version = version });
        }

        db.GroupMembers.RemoveRange(memberships);
        db.Groups.RemoveRange(ownedGroups);
        db.Users.Remove(user);
        db.AddEvent(new UserDeleted(userId));
        // The profile, and every group the account was in: its member lists, and for owned groups everything.
        db.AddEvent(http.InvalidateCacheTags([
            IdentityCacheTags.User(userId),
            .. memberships.Select(m => m.GroupId).Union(ownedGroups.Select(g => g.Id))
                .SelectMany(groupId => new[] { IdentityCacheTags.Group(groupId), IdentityCacheTags.GroupMembers(groupId) }),
        ]));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // The gateway that carries this answer refuses the account's tokens before the caller sees it.
        http.Response.Headers[RevokedSubjectHeader.Name] = userId.ToString();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<PublicProfile>, NotFound>> GetProfileAsync(
        Guid id, HttpContext http, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        http.TagAnswer(IdentityCacheTags.User(id));
        return user is null ? TypedResults.NotFound() : TypedResults.Ok(PublicProfile.From(user));
    }

    private static async Task<Ok<Page<PublicProfile>>> SearchAsync(
        [AsParameters] UserSearchQuery search, [AsParameters] PageQuery page, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var after = page.After<UserCursor>();
        var prefix = User.Normalize(search.Query!);
        var users = db.Users.AsNoTracking().Where(u => u.SearchName.StartsWith(prefix));

        if (after is not null)
        {
            users = users.Where(u => string.Compare(u.SearchName, after.Name) > 0
                || (u.SearchName == after.Name && u.Id.CompareTo(after.Id) > 0));
        }

        var rows = await users.OrderBy(u => u.SearchName).ThenBy(u => u.Id).Take(page.Size + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(Page.From(Slice.FromOverfetch(rows, page.Size, u => new UserCursor(u.SearchName, u.Id)), PublicProfile.From));
    }

    private sealed record UserCursor(string Name, Guid Id);
}
