using Tripmate.Contracts.Identity;

namespace Tripmate.Messaging.Conversations;

/// <summary>
/// How the gateway may cache messaging's answers: per member (<c>private</c>), briefly, under these
/// tags. Writes through the gateway invalidate at once; the max-age bounds what changes without one
/// (a membership applied from identity's events, a message sent straight to an instance).
/// </summary>
public static class ConversationCaching
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    public static string Conversation(Guid conversationId) => $"conversation:{conversationId}";

    public static string Messages(Guid conversationId) => $"conversation:{conversationId}:messages";

    public static string Message(Guid messageId) => $"message:{messageId}";

    /// <summary>
    /// Who may read the conversation, and whether it is open. A group's conversation has its group's
    /// id, so its group's tags are known from the id alone (no read), and identity's invalidations of
    /// membership and deletion reach it; on a direct conversation they name no group and cost nothing.
    /// </summary>
    public static string[] Access(Guid conversationId) =>
        [Conversation(conversationId), IdentityCacheTags.Group(conversationId), IdentityCacheTags.GroupMembers(conversationId)];
}
