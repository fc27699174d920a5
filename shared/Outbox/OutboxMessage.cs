using System.Diagnostics;
using System.Text.Json;
using Tripmate.Contracts;

namespace Tripmate.Outbox;

/// <summary>An event waiting in the service's own database until the broker has confirmed it.</summary>
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

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public static OutboxMessage From(IntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            MessageId = integrationEvent.EventId,
            MessageType = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Payload = JsonSerializer.Serialize(integrationEvent, type, JsonSerializerOptions.Web),
            OccurredAt = integrationEvent.OccurredAt,
            TraceParent = Activity.Current?.Id,
        };
    }
}
