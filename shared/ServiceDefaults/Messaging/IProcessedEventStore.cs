namespace Tripmate.ServiceDefaults.Messaging;

/// <summary>
/// The event ids each consumer has handled, kept for <see cref="MessageBusOptions.ProcessedEventRetention"/>
/// in the service's own store. A service registers one and the shared bus setup drops every event a
/// consumer has already handled (see <see cref="SkipProcessedEventsFilter{T}"/>).
/// </summary>
public interface IProcessedEventStore
{
    Task<bool> IsProcessedAsync(string consumer, Guid eventId, CancellationToken ct);

    Task MarkProcessedAsync(string consumer, Guid eventId, CancellationToken ct);
}
