using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Messaging.Store;

/// <summary>
/// Where an inbox page ends: the last row's activity (milliseconds) and conversation id, the
/// inbox's sort key in both stores. Encoded with <see cref="PageCursor"/>, so a tampered cursor is a 400.
/// </summary>
internal sealed record InboxPosition(long ActivityMs, Guid ConversationId)
{
    public static InboxPosition? Decode(string? cursor) => PageCursor.Decode<InboxPosition>(cursor);

    public string Encode() => PageCursor.Encode(this);
}
