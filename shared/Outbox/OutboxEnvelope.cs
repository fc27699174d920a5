using System.Diagnostics;
using System.Text.Json;
using Tripmate.Contracts;

namespace Tripmate.Outbox;

/// <summary>
/// An event as every outbox store keeps it: serialised once, when the change that raised it is
/// written, so what is relayed later is exactly what was committed.
/// </summary>
/// <param name="MessageId">The event id, reused as the broker message id so consumers can drop duplicates.</param>
/// <param name="MessageType">Type name without version, e.g. <c>Tripmate.Contracts.Identity.UserRegistered, Tripmate.Contracts</c>.</param>
/// <param name="TraceParent">W3C traceparent of the request that raised the event, so its trace continues through the broker.</param>
public sealed record OutboxEnvelope(Guid MessageId, string MessageType, string Payload, DateTimeOffset OccurredAt, string? TraceParent)
{
    public static OutboxEnvelope From(IntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        return new OutboxEnvelope(
            integrationEvent.EventId,
            $"{type.FullName}, {type.Assembly.GetName().Name}",
            JsonSerializer.Serialize(integrationEvent, type, JsonSerializerOptions.Web),
            integrationEvent.OccurredAt,
            Activity.Current?.Id);
    }

    public static IReadOnlyList<OutboxEnvelope> From(IEnumerable<IntegrationEvent> events) => [.. events.Select(From)];
}
