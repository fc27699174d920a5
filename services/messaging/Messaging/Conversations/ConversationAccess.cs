using Microsoft.AspNetCore.Http.HttpResults;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Conversations;

/// <summary>
/// A conversation exists only for its members: to anyone else it is 404, whatever is asked of it,
/// so conversation ids cannot be probed.
/// </summary>
public static class ConversationAccess
{
    /// <summary>The conversation, or null when it does not exist or the caller is not a member.</summary>
    public static async Task<Conversation?> FindForMemberAsync(
        this IConversationStore conversations, Guid conversationId, Guid callerId, CancellationToken cancellationToken)
    {
        if (!await conversations.IsMemberAsync(conversationId, callerId, cancellationToken))
        {
            return null;
        }

        return await conversations.FindAsync(conversationId, cancellationToken);
    }

    public static ProblemHttpResult Closed() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conversation closed",
            detail: "The group of this conversation was deleted: it can still be read, not written to.");
}
