using Microsoft.AspNetCore.Mvc;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Notifications;

public sealed record NotificationListQuery
{
    /// <summary>True lists unread notifications only.</summary>
    [FromQuery(Name = "unread")]
    public bool? Unread { get; init; }
}

/// <param name="Type">What happened: <c>message</c>, <c>group-member-added</c>.</param>
/// <param name="Text">What happened, in words; for a message, its current text (null once deleted).</param>
/// <param name="Data">The ids a client needs to open what it is about (conversationId, messageId, groupId).</param>
public sealed record NotificationResponse(
    Guid Id, string Type, string? Text, IReadOnlyDictionary<string, string> Data, DateTimeOffset CreatedAt, bool IsRead)
{
    public static NotificationResponse From(Notification notification) =>
        new(notification.Id, notification.Type, notification.Text, notification.Data, notification.CreatedAt, notification.IsRead);
}

public sealed record UnreadCountResponse(long Count);
