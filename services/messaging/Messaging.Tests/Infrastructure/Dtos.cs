namespace Tripmate.Messaging.Tests.Infrastructure;

public sealed record ConversationDto(
    Guid Id, string Kind, Guid? GroupId, string? Title, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, List<Guid>? MemberIds);

public sealed record ConversationSummaryDto(
    Guid Id, string Kind, string? Title, DateTimeOffset LastActivityAt, PreviewDto? LastMessage, long UnreadCount);

public sealed record PreviewDto(Guid Id, Guid SenderId, string Text, DateTimeOffset SentAt);

public sealed record MessageDto(
    Guid Id, Guid ConversationId, Guid SenderId, string? Text, List<Guid> AttachmentFileIds,
    DateTimeOffset SentAt, DateTimeOffset? EditedAt, DateTimeOffset? DeletedAt, bool IsDeleted);

public sealed record NotificationDto(Guid Id, string Type, string Text, Dictionary<string, string> Data, DateTimeOffset CreatedAt, bool IsRead);

public sealed record UnreadCountDto(long Count);

public sealed record PageDto<T>(List<T> Items, string? NextCursor);
