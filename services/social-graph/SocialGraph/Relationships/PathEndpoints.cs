using Microsoft.AspNetCore.Http.HttpResults;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.Caching;
using Tripmate.ServiceDefaults.Errors;
using Tripmate.SocialGraph.Store;

namespace Tripmate.SocialGraph.Relationships;

/// <summary>How two users are connected through follows.</summary>
public static class PathEndpoints
{
    public const int DefaultMaxDepth = 6;
    public const int MaxMaxDepth = 6;

    public static RouteGroupBuilder MapPathEndpoints(this RouteGroupBuilder relationships)
    {
        relationships.MapGet("/path/{fromUserId}/{toUserId}", PathAsync).WithName("FindPath")
            .WithSummary("A shortest chain of follows from one user to another, of at most maxDepth follows (1-6, default 6); 404 when none.")
            .NoStore();
        return relationships;
    }

    private static async Task<Results<Ok<PathResponse>, ProblemHttpResult>> PathAsync(
        Guid fromUserId, Guid toUserId, int? maxDepth, HttpContext http, IGraphStore graph, CancellationToken ct)
    {
        var depth = maxDepth ?? DefaultMaxDepth;
        if (depth is < 1 or > MaxMaxDepth)
        {
            throw new RequestValidationException("maxDepth", $"maxDepth must be between 1 and {MaxMaxDepth}.");
        }

        // Paths avoid everyone in a block with the caller, the two ends included (then: no path).
        var path = await graph.ShortestPathAsync(http.User.GetUserId(), fromUserId, toUserId, depth, ct);
        return path is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No path",
                detail: $"No chain of at most {depth} follows leads from {fromUserId} to {toUserId}.")
            : TypedResults.Ok(new PathResponse(path, path.Count - 1));
    }
}
