namespace Tripmate.ServiceDefaults.Messaging;

/// <summary>The <c>MessageBus</c> section.</summary>
public sealed class MessageBusOptions
{
    public const string Section = "MessageBus";

    /// <summary>
    /// Starts every queue name of the service; the service's name unless set. Instances of one
    /// service share it (they compete for its events, which is right); two services never do, or
    /// each would take about half of the other's events. Set it only to run an isolated copy of a
    /// service on a shared broker (tests do).
    /// </summary>
    public string? QueuePrefix { get; set; }

    /// <summary>
    /// How long a consumer remembers the event ids it handled (see <see cref="IProcessedEventStore"/>).
    /// Longer than any redelivery takes: the broker's retries last seconds, a parked message may be
    /// moved back from an error queue within days.
    /// </summary>
    public TimeSpan ProcessedEventRetention { get; set; } = TimeSpan.FromDays(7);
}
