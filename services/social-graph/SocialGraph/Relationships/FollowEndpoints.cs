using Microsoft.AspNetCore.Http.HttpResults;
using Tripmate.Contracts.SocialGraph;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.Caching;
using Tripmate.ServiceDefaults.Errors;
using Tripmate.SocialGraph.Store;

namespace Tripmate.SocialGraph.Relationships;

/// <summary>Following and unfollowing: the caller's own follows only.</summary>
public static class FollowEndpoints
{
    public static RouteGroupBuilder MapFollowEndpoints(this RouteGroupBuilder relationships)
    {
        relationships.MapPut("/following/{userId}", FollowAsync).WithName("Follow")
            .WithSummary("The caller follows the user (idempotent). 403 across a block, 404 for an unknown or deleted user.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        relationships.MapDelete("/following/{userId}", UnfollowAsync).WithName("Unfollow")
            .WithSummary("The caller stops following the user (idempotent).");
        return relationships;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> FollowAsync(
        Guid userId, HttpContext http, IGraphStore graph, TimeProvider clock, CancellationToken ct)
    {
        var callerId = http.User.GetUserId();
        if (userId == callerId)
        {
            throw new RequestValidationException("userId", "You cannot follow yourself.");
        }

        var at = clock.GetUtcNow();
        var announce = Announcements(http, callerId, userId, new UserFollowed(callerId, userId) { OccurredAt = at });
        return await graph.FollowAsync(callerId, userId, at, announce, ct) switch
        {
            FollowOutcome.UnknownUser => UserVisibility.NotFound(userId),
            FollowOutcome.Blocked => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Blocked",
                detail: "One of you blocks the other: no follow is possible."),
            _ => TypedResults.NoContent(),
        };
    }

    private static async Task<NoContent> UnfollowAsync(Guid userId, HttpContext http, IGraphStore graph, TimeProvider clock, CancellationToken ct)
    {
        var callerId = http.User.GetUserId();
        var announce = Announcements(http, callerId, userId, new UserUnfollowed(callerId, userId) { OccurredAt = clock.GetUtcNow() });
        await graph.UnfollowAsync(callerId, userId, announce, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The event, and the eviction of both users' lists (committed only if the follow changed).</summary>
    private static Contracts.IntegrationEvent[] Announcements(HttpContext http, Guid one, Guid other, Contracts.IntegrationEvent change) =>
        [change, http.InvalidateCacheTags(RelationshipCaching.Relationships(one), RelationshipCaching.Relationships(other))];
}
