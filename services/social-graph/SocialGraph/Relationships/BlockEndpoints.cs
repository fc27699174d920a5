using Microsoft.AspNetCore.Http.HttpResults;
using Tripmate.Contracts;
using Tripmate.Contracts.SocialGraph;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.Caching;
using Tripmate.ServiceDefaults.Errors;
using Tripmate.ServiceDefaults.Paging;
using Tripmate.SocialGraph.Store;

namespace Tripmate.SocialGraph.Relationships;

/// <summary>The caller's blocks: a block ends follows both ways and keeps the two apart everywhere.</summary>
public static class BlockEndpoints
{
    public static RouteGroupBuilder MapBlockEndpoints(this RouteGroupBuilder relationships)
    {
        relationships.MapPut("/blocks/{userId}", BlockAsync).WithName("Block")
            .WithSummary("The caller blocks the user (idempotent): follows end both ways, new ones are refused.");
        relationships.MapDelete("/blocks/{userId}", UnblockAsync).WithName("Unblock").WithSummary("The caller lifts a block (idempotent).");
        relationships.MapGet("/blocks", ListAsync).WithName("ListBlocks").WithSummary("Whom the caller blocks, newest first; the caller's alone.")
            .CacheAnswer(CacheScope.Private, RelationshipCaching.MaxAge);
        return relationships;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> BlockAsync(
        Guid userId, HttpContext http, IGraphStore graph, TimeProvider clock, CancellationToken ct)
    {
        var callerId = http.User.GetUserId();
        if (userId == callerId)
        {
            throw new RequestValidationException("userId", "You cannot block yourself.");
        }

        var at = clock.GetUtcNow();
        var outcome = await graph.BlockAsync(callerId, userId, at, changed => Announcements(http, callerId, userId, at, changed), ct);
        return outcome.UnknownUser ? UserVisibility.NotFound(userId) : TypedResults.NoContent();
    }

    private static async Task<NoContent> UnblockAsync(Guid userId, HttpContext http, IGraphStore graph, TimeProvider clock, CancellationToken ct)
    {
        var callerId = http.User.GetUserId();
        IntegrationEvent[] announce =
        [
            new UserUnblocked(callerId, userId) { OccurredAt = clock.GetUtcNow() },
            http.InvalidateCacheTags(RelationshipCaching.Relationships(callerId), RelationshipCaching.Relationships(userId)),
        ];
        await graph.UnblockAsync(callerId, userId, announce, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Page<ConnectionResponse>>> ListAsync([AsParameters] PageQuery page, HttpContext http, IGraphStore graph, CancellationToken ct)
    {
        var callerId = http.User.GetUserId();
        var scope = $"blocks:{callerId}";
        var slice = await graph.BlocksAsync(callerId, page.After<ConnectionPosition>(scope), page.Size, ct);
        http.TagAnswer(RelationshipCaching.Relationships(callerId));
        return TypedResults.Ok(Page.From(slice, ConnectionResponse.From, scope));
    }

    /// <summary>What a block changed, announced: the block if new, each follow it ended, and the eviction of both users' lists.</summary>
    private static IReadOnlyCollection<IntegrationEvent> Announcements(HttpContext http, Guid blocker, Guid blocked, DateTimeOffset at, BlockOutcome changed)
    {
        var events = new List<IntegrationEvent>();
        if (changed.Created)
        {
            events.Add(new UserBlocked(blocker, blocked) { OccurredAt = at });
        }

        if (changed.EndedBlockersFollow)
        {
            events.Add(new UserUnfollowed(blocker, blocked) { OccurredAt = at });
        }

        if (changed.EndedBlockedsFollow)
        {
            events.Add(new UserUnfollowed(blocked, blocker) { OccurredAt = at });
        }

        if (events.Count > 0)
        {
            events.Add(http.InvalidateCacheTags(RelationshipCaching.Relationships(blocker), RelationshipCaching.Relationships(blocked)));
        }

        return events;
    }
}
