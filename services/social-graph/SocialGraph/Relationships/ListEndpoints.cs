using Microsoft.AspNetCore.Http.HttpResults;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.Caching;
using Tripmate.ServiceDefaults.Paging;
using Tripmate.SocialGraph.Store;

namespace Tripmate.SocialGraph.Relationships;

/// <summary>Any user's followers, following, friends and counts, and the friends two users share.</summary>
public static class ListEndpoints
{
    private delegate Task<Slice<Connection, ConnectionPosition>> ListQuery(
        IGraphStore graph, Guid userId, ConnectionPosition? after, int limit, CancellationToken ct);

    public static RouteGroupBuilder MapListEndpoints(this RouteGroupBuilder relationships)
    {
        relationships.MapGet("/{userId}/followers", (Guid userId, [AsParameters] PageQuery page, HttpContext http, IGraphStore graph, CancellationToken ct) =>
                ListAsync("followers", (g, u, a, l, c) => g.FollowersAsync(u, a, l, c), userId, page, http, graph, ct))
            .WithName("ListFollowers").WithSummary("Who follows the user, newest first.")
            .CacheAnswer(CacheScope.Private, RelationshipCaching.MaxAge);
        relationships.MapGet("/{userId}/following", (Guid userId, [AsParameters] PageQuery page, HttpContext http, IGraphStore graph, CancellationToken ct) =>
                ListAsync("following", (g, u, a, l, c) => g.FollowingAsync(u, a, l, c), userId, page, http, graph, ct))
            .WithName("ListFollowing").WithSummary("Whom the user follows, newest first.")
            .CacheAnswer(CacheScope.Private, RelationshipCaching.MaxAge);
        relationships.MapGet("/{userId}/friends", (Guid userId, [AsParameters] PageQuery page, HttpContext http, IGraphStore graph, CancellationToken ct) =>
                ListAsync("friends", (g, u, a, l, c) => g.FriendsAsync(u, a, l, c), userId, page, http, graph, ct))
            .WithName("ListFriends").WithSummary("The user's friends (mutual follows), newest friendship first.")
            .CacheAnswer(CacheScope.Private, RelationshipCaching.MaxAge);
        relationships.MapGet("/{userId}/stats", StatsAsync).WithName("GetRelationshipStats")
            .WithSummary("How many follow the user, whom the user follows, and how many friends the user has.")
            .CacheAnswer(CacheScope.Private, RelationshipCaching.MaxAge);
        relationships.MapGet("/mutual/{otherUserId}", MutualAsync).WithName("ListMutualFriends")
            .WithSummary("Friends the caller and the user share, by id.")
            .CacheAnswer(CacheScope.Private, RelationshipCaching.MaxAge);
        return relationships;
    }

    private static async Task<Results<Ok<Page<ConnectionResponse>>, ProblemHttpResult>> ListAsync(
        string list, ListQuery query, Guid userId, PageQuery page, HttpContext http, IGraphStore graph, CancellationToken ct)
    {
        var scope = $"{list}:{userId}";
        var after = page.After<ConnectionPosition>(scope);
        if (!await graph.IsVisibleToAsync(userId, http.User.GetUserId(), ct))
        {
            return UserVisibility.NotFound(userId);
        }

        var slice = await query(graph, userId, after, page.Size, ct);
        http.TagAnswer(RelationshipCaching.Relationships(userId));
        return TypedResults.Ok(Page.From(slice, ConnectionResponse.From, scope));
    }

    private static async Task<Results<Ok<StatsResponse>, ProblemHttpResult>> StatsAsync(
        Guid userId, HttpContext http, IGraphStore graph, CancellationToken ct)
    {
        if (!await graph.IsVisibleToAsync(userId, http.User.GetUserId(), ct))
        {
            return UserVisibility.NotFound(userId);
        }

        http.TagAnswer(RelationshipCaching.Relationships(userId));
        return TypedResults.Ok(StatsResponse.From(await graph.CountsAsync(userId, ct)));
    }

    private static async Task<Results<Ok<Page<MutualFriendResponse>>, ProblemHttpResult>> MutualAsync(
        Guid otherUserId, [AsParameters] PageQuery page, HttpContext http, IGraphStore graph, CancellationToken ct)
    {
        var callerId = http.User.GetUserId();
        var scope = $"mutual:{callerId}:{otherUserId}";
        var after = page.After<MutualPosition>(scope);
        if (!await graph.IsVisibleToAsync(otherUserId, callerId, ct))
        {
            return UserVisibility.NotFound(otherUserId);
        }

        var slice = await graph.MutualFriendsAsync(callerId, otherUserId, after, page.Size, ct);
        http.TagAnswer(RelationshipCaching.Relationships(callerId), RelationshipCaching.Relationships(otherUserId));
        return TypedResults.Ok(Page.From(slice, id => new MutualFriendResponse(id), scope));
    }
}
