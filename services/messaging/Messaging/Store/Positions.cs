namespace Tripmate.Messaging.Store;

// Where a page ends, in each list's own sort key. Stores take and return these; endpoints turn them
// into opaque cursors. Each list has its own type, so one list's cursor is refused by another.

/// <summary>The last message served; the next page holds older ones.</summary>
public sealed record MessagePosition(Guid MessageId)
{
    public static bool IsValid(MessagePosition position) => TimeUuid.IsTimeUuid(position.MessageId);
}

/// <summary>The last notification served; the next page holds older ones.</summary>
public sealed record NotificationPosition(Guid NotificationId)
{
    public static bool IsValid(NotificationPosition position) => TimeUuid.IsTimeUuid(position.NotificationId);
}

/// <summary>The last inbox row served: its activity (Unix milliseconds) and conversation, the inbox's sort key in both stores.</summary>
public sealed record InboxPosition(long ActivityMs, Guid ConversationId);
