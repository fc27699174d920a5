using Microsoft.AspNetCore.Http.HttpResults;
using Tripmate.SocialGraph.Store;

namespace Tripmate.SocialGraph.Relationships;

/// <summary>
/// Whose relationships a caller may see: their own, and those of any existing user not in a block
/// with them either way. To anyone else the user does not exist (404), so a block cannot be probed.
/// </summary>
public static class UserVisibility
{
    public static async Task<bool> IsVisibleToAsync(this IGraphStore graph, Guid userId, Guid callerId, CancellationToken ct) =>
        userId == callerId || (await graph.UserExistsAsync(userId, ct) && !await graph.IsBlockedEitherWayAsync(userId, callerId, ct));

    public static ProblemHttpResult NotFound(Guid userId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "User not found", detail: $"No user has the id {userId}.");
}
