using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Conversations;

/// <summary>
/// A group's conversation has the group's id. Any group event may arrive first (queues do not keep
/// order across event types, and redeliveries come late), so each ensures the conversation exists
/// before changing it, and no event's effect is lost to another's absence.
/// </summary>
internal static class GroupConversation
{
    public static Task<Conversation> EnsureAsync(
        IConversationStore conversations, Guid groupId, string? title, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        conversations.EnsureAsync(new Conversation(groupId, ConversationKind.Group, groupId, title, createdAt), [], cancellationToken);
}
