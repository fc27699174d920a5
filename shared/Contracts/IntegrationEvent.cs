using MassTransit;

namespace Tripmate.Contracts;

/// <summary>
/// Base of every integration event: a fact that already happened, named in the past tense.
/// <see cref="EventId"/> is also the broker message id, so consumers can drop redeliveries.
/// </summary>
[ExcludeFromTopology]
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
