using Microsoft.AspNetCore.Http.HttpResults;
using Tripmate.Contracts.Caching;
using Tripmate.Messaging.Conversations;
using Tripmate.Messaging.Store;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.Caching;

namespace Tripmate.Messaging.Messages;

/// <summary>Edit and delete: members find the message (others get 404), only its sender changes it (others get 403).</summary>
internal static class MessageChanges
{
    public static async Task<Results<Ok<MessageResponse>, NotFound, ProblemHttpResult>> EditAsync(
        Guid id, Guid messageId, EditMessageRequest request, HttpContext http, IConversationStore conversations, IMessageStore messages,
        CancellationToken cancellationToken)
    {
        var callerId = http.User.GetUserId();
        if (await FindAsync(id, messageId, callerId, conversations, messages, cancellationToken) is not { } message)
        {
            return TypedResults.NotFound();
        }

        if (message.SenderId != callerId)
        {
            return Forbidden("Only the sender can edit a message.");
        }

        if ((await conversations.FindAsync(id, cancellationToken))?.ClosedAt is not null)
        {
            return ConversationAccess.Closed();
        }

        // At the stores' precision (milliseconds), so this answer and later reads agree.
        var editedAt = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        if (!await messages.EditAsync(id, messageId, request.Text!.Trim(), editedAt, [InvalidateCached(http, id, messageId)], cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Message deleted",
                detail: "A deleted message cannot be edited.");
        }

        return TypedResults.Ok(MessageResponse.From(message with { Text = request.Text.Trim(), EditedAt = editedAt }));
    }

    /// <summary>Allowed in a closed conversation too: people may take back what they wrote.</summary>
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(
        Guid id, Guid messageId, HttpContext http, IConversationStore conversations, IMessageStore messages, CancellationToken cancellationToken)
    {
        var callerId = http.User.GetUserId();
        if (await FindAsync(id, messageId, callerId, conversations, messages, cancellationToken) is not { } message)
        {
            return TypedResults.NotFound();
        }

        if (message.SenderId != callerId)
        {
            return Forbidden("Only the sender can delete a message.");
        }

        if (!message.IsDeleted)
        {
            await messages.DeleteAsync(id, messageId, DateTimeOffset.UtcNow, [InvalidateCached(http, id, messageId)], cancellationToken);
        }

        return TypedResults.NoContent();
    }

    /// <summary>The message, or null for a non-member or a message that is not there.</summary>
    public static async Task<Message?> FindAsync(
        Guid conversationId, Guid messageId, Guid callerId, IConversationStore conversations, IMessageStore messages,
        CancellationToken cancellationToken)
    {
        // Message ids are time-based; any other id names nothing, and the store derives a bucket from it.
        if (!TimeUuid.IsTimeUuid(messageId) || !await conversations.IsMemberAsync(conversationId, callerId, cancellationToken))
        {
            return null;
        }

        return await messages.FindAsync(conversationId, messageId, cancellationToken);
    }

    /// <summary>
    /// The writer's next read through the gateway is fresh (the answer's header); everyone else's
    /// cached copies are evicted by the event, which the store commits with the change.
    /// </summary>
    private static CacheTagsInvalidated InvalidateCached(HttpContext http, Guid conversationId, Guid messageId) =>
        http.InvalidateCacheTags(ConversationCaching.Messages(conversationId), ConversationCaching.Message(messageId));

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);
}
