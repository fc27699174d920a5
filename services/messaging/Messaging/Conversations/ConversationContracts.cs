using System.ComponentModel.DataAnnotations;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Conversations;

public sealed record OpenDirectConversationRequest([property: Required] Guid? UserId);

/// <param name="Kind"><c>direct</c> or <c>group</c>.</param>
/// <param name="ClosedAt">Set once the group was deleted: readable, no longer writable.</param>
/// <param name="MemberIds">
/// The two people of a direct conversation; null for a group, whose members (any number) are
/// listed, paged, by identity's <c>GET /api/groups/{id}/members</c>.
/// </param>
public sealed record ConversationResponse(
    Guid Id, string Kind, Guid? GroupId, string? Title, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt,
    IReadOnlyList<Guid>? MemberIds)
{
    public static ConversationResponse From(Conversation conversation, IReadOnlyList<Guid> directMemberIds) =>
        new(conversation.Id, KindName(conversation.Kind), conversation.GroupId, conversation.Title,
            conversation.CreatedAt, conversation.ClosedAt, conversation.Kind == ConversationKind.Direct ? directMemberIds : null);

    public static string KindName(ConversationKind kind) => kind == ConversationKind.Group ? "group" : "direct";
}

/// <summary>One row of the caller's inbox.</summary>
public sealed record ConversationSummary(
    Guid Id, string Kind, string? Title, DateTimeOffset LastActivityAt, MessagePreviewResponse? LastMessage, long UnreadCount)
{
    public static ConversationSummary From(InboxEntry entry) =>
        new(entry.ConversationId, ConversationResponse.KindName(entry.Kind), entry.Title, entry.LastActivityAt,
            entry.LastMessage is { } last ? new MessagePreviewResponse(last.MessageId, last.SenderId, last.Text, last.SentAt) : null,
            entry.UnreadCount);
}

public sealed record MessagePreviewResponse(Guid Id, Guid SenderId, string Text, DateTimeOffset SentAt);
