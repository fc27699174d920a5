namespace Tripmate.Outbox.EntityFrameworkCore;

/// <summary>An event waiting in the service's own database until the broker has confirmed it (one row of <see cref="OutboxModel.Table"/>).</summary>
public sealed class OutboxMessage
{
    public long Id { get; private set; }

    /// <summary>The event id, reused as the broker message id so consumers can drop duplicates.</summary>
    public Guid MessageId { get; private init; }

    /// <summary>Type name without version, e.g. <c>Tripmate.Contracts.Identity.UserRegistered, Tripmate.Contracts</c>.</summary>
    public required string MessageType { get; init; }

    public required string Payload { get; init; }

    public DateTimeOffset OccurredAt { get; private init; }

    /// <summary>W3C traceparent of the request that raised the event, so its trace continues through the broker.</summary>
    public string? TraceParent { get; private init; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Until when a relay holds the row (null: nobody does).</summary>
    public DateTimeOffset? LeasedUntil { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Set when the row can never be published; <see cref="LastError"/> says why.</summary>
    public DateTimeOffset? ParkedAt { get; private set; }

    public static OutboxMessage From(OutboxEnvelope envelope) => new()
    {
        MessageId = envelope.MessageId,
        MessageType = envelope.MessageType,
        Payload = envelope.Payload,
        OccurredAt = envelope.OccurredAt,
        TraceParent = envelope.TraceParent,
    };

    public PendingEvent ToPending() =>
        new(new OutboxEnvelope(MessageId, MessageType, Payload, OccurredAt, TraceParent), Id, Attempts);
}
