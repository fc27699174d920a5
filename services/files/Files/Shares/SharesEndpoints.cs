using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Tripmate.Contracts.Files;
using Tripmate.Files.Catalog;
using Tripmate.Files.Store;
using Tripmate.Files.Store.Changes;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.Caching;
using Tripmate.ServiceDefaults.Errors;
using Tripmate.ServiceDefaults.OpenApi;

namespace Tripmate.Files.Shares;

/// <summary>Share with exactly one of a user or a group.</summary>
public sealed record ShareRequest(Guid? UserId, Guid? GroupId);

public sealed record ShareResponse(Guid FileId, Guid? UserId, Guid? GroupId, DateTimeOffset SharedAt)
{
    public static ShareResponse From(ShareRecord share) => new(share.FileId,
        share.Target.IsGroup ? null : share.Target.Id, share.Target.IsGroup ? share.Target.Id : null, share.SharedAt);
}

/// <summary>
/// A file's shares, its owner's business only: to anyone else the file does not exist (404).
/// A share is its object under the file and an entry in the target's shared-with list, written
/// by one change with its <see cref="FileShared"/> event.
/// </summary>
public static class SharesEndpoints
{
    public static IEndpointRouteBuilder MapSharesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var shares = endpoints.MapGroup("/api/files/{id:guid}/shares").RequireAuthorization().NoStore()
            .WithTags("Shares").WithStandardProblems().ProducesProblem(StatusCodes.Status404NotFound);
        shares.MapPost("/", ShareAsync).WithName("ShareFile")
            .WithSummary("Share the file with a user ({userId}) or every current member of a group ({groupId}).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        shares.MapGet("/", ListAsync).WithName("ListFileShares").WithSummary("Who the file is shared with.");
        shares.MapDelete("/users/{userId:guid}", (Guid id, Guid userId, HttpContext http, FilePermissions access, ChangeLog changes, CancellationToken ct) =>
            UnshareAsync(id, ShareTarget.User(userId), http, access, changes, ct)).WithName("UnshareFileWithUser")
            .WithSummary("Stop sharing the file with the user.");
        shares.MapDelete("/groups/{groupId:guid}", (Guid id, Guid groupId, HttpContext http, FilePermissions access, ChangeLog changes, CancellationToken ct) =>
            UnshareAsync(id, ShareTarget.Group(groupId), http, access, changes, ct)).WithName("UnshareFileWithGroup")
            .WithSummary("Stop sharing the file with the group.");
        return endpoints;
    }

    private static async Task<Results<Created<ShareResponse>, NotFound, ProblemHttpResult>> ShareAsync(
        Guid id, ShareRequest request, HttpContext http, FilePermissions access, FileCatalog catalog, ChangeLog changes,
        IOptions<FilesOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var target = request switch
        {
            { UserId: { } userId, GroupId: null } when userId != Guid.Empty => ShareTarget.User(userId),
            { UserId: null, GroupId: { } groupId } when groupId != Guid.Empty => ShareTarget.Group(groupId),
            _ => throw new RequestValidationException("userId", "Give exactly one of userId and groupId."),
        };
        var callerId = http.User.GetUserId();
        if (await access.OwnedAsync(id, callerId, cancellationToken) is not { } file)
        {
            return TypedResults.NotFound();
        }

        if (target == ShareTarget.User(callerId))
        {
            throw new RequestValidationException("userId", "The file is yours already; share it with someone else.");
        }

        var existing = await catalog.SharesAsync(id, cancellationToken);
        if (existing.Count >= options.Value.MaxSharesPerFile && !existing.Any(s => s.Target == target))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Too many shares",
                detail: $"A file may be shared at most {options.Value.MaxSharesPerFile} times; remove a share first.");
        }

        var now = clock.GetUtcNow();
        // Sharing twice is one share, announced once: nobody is notified again.
        var isNew = !existing.Any(s => s.Target == target);
        await changes.CommitAsync(
            [ChangeLog.Put(BucketKeys.Share(id, target), new { SharedAt = now }), ChangeLog.Put(BucketKeys.SharedWithEntry(target, file), new { })],
            [],
            isNew ? [new FileShared(file.Id, file.OwnerId, file.Name, target.IsGroup ? null : target.Id, target.IsGroup ? target.Id : null) { OccurredAt = now }] : [],
            cancellationToken);
        return TypedResults.Created($"/api/files/{id}/shares", new ShareResponse(id,
            target.IsGroup ? null : target.Id, target.IsGroup ? target.Id : null, now));
    }

    private static async Task<Results<Ok<IReadOnlyList<ShareResponse>>, NotFound>> ListAsync(
        Guid id, HttpContext http, FilePermissions access, FileCatalog catalog, CancellationToken cancellationToken)
    {
        if (await access.OwnedAsync(id, http.User.GetUserId(), cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok<IReadOnlyList<ShareResponse>>([.. (await catalog.SharesAsync(id, cancellationToken)).Select(ShareResponse.From)]);
    }

    private static async Task<Results<NoContent, NotFound>> UnshareAsync(
        Guid id, ShareTarget target, HttpContext http, FilePermissions access, ChangeLog changes, CancellationToken cancellationToken)
    {
        if (await access.OwnedAsync(id, http.User.GetUserId(), cancellationToken) is not { } file)
        {
            return TypedResults.NotFound();
        }

        await changes.CommitAsync([], [BucketKeys.Share(id, target), BucketKeys.SharedWithEntry(target, file)], [], cancellationToken);
        return TypedResults.NoContent();
    }
}
