using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Tripmate.Messaging.Store;
using Tripmate.ServiceDefaults.Errors;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Messaging.Messages;

public sealed record SendMessageRequest(
    [property: Required, TrimmedLength(1, MessageLimits.Text)] string? Text,
    [property: MaxLength(MessageLimits.Attachments)] IReadOnlyList<Guid>? AttachmentFileIds);

public sealed record EditMessageRequest([property: Required, TrimmedLength(1, MessageLimits.Text)] string? Text);

public sealed record IdempotencyHeader
{
    public const string Name = "Idempotency-Key";

    /// <summary>A retried send with the same key returns the first send's message instead of storing another.</summary>
    [FromHeader(Name = Name)]
    public string? Key { get; init; }

    /// <summary>
    /// Checked here rather than by attributes, so the validation problem names the header a client
    /// sent rather than this property.
    /// </summary>
    public string? Validated() =>
        Key is null || (Key.Length <= MessageLimits.IdempotencyKey && Regex.IsMatch(Key, MessageLimits.IdempotencyKeyPattern))
            ? Key
            : throw new RequestValidationException(Name,
                $"{Name} must be 1 to {MessageLimits.IdempotencyKey} visible ASCII characters (no spaces).");
}

/// <summary>A deleted message keeps its place and times, without its text or attachments.</summary>
public sealed record MessageResponse(
    Guid Id, Guid ConversationId, Guid SenderId, string? Text, IReadOnlyList<Guid> AttachmentFileIds,
    DateTimeOffset SentAt, DateTimeOffset? EditedAt, DateTimeOffset? DeletedAt, bool IsDeleted)
{
    public static MessageResponse From(Message message) =>
        new(message.Id, message.ConversationId, message.SenderId, message.IsDeleted ? null : message.Text,
            message.IsDeleted ? [] : message.AttachmentFileIds, message.SentAt, message.EditedAt, message.DeletedAt, message.IsDeleted);
}
