namespace Tripmate.Messaging.Store;

public enum ConversationKind
{
    Direct,
    Group,
}

/// <summary>
/// A conversation. A direct one's id is derived from its two members (the same from either side);
/// a group's conversation id is the group id. <see cref="ClosedAt"/> is set when the group is
/// deleted: reads still work, sends are refused.
/// </summary>
public sealed record Conversation(
    Guid Id,
    ConversationKind Kind,
    Guid? GroupId,
    string? Title,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt = null);

/// <summary>One row of a user's inbox: a conversation with its latest activity and the user's unread count.</summary>
public sealed record InboxEntry(
    Guid ConversationId,
    ConversationKind Kind,
    string? Title,
    DateTimeOffset LastActivityAt,
    MessagePreview? LastMessage,
    long UnreadCount);

/// <summary>The short form of a conversation's latest message, shown in the inbox; <see cref="Text"/> is empty when it was deleted.</summary>
public sealed record MessagePreview(Guid MessageId, Guid SenderId, string Text, DateTimeOffset SentAt);
