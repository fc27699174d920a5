namespace Tripmate.ServiceDefaults.Messaging;

/// <summary>
/// Marks a consumer whose effect is idempotent by itself: applying the same event again writes
/// nothing new (a copy applied by the event's version, an object keyed by it). The shared
/// de-duplication (<see cref="SkipProcessedEventsFilter{T}"/>: a read before and a write after each
/// event in the service's store) buys such a consumer nothing, so its queue skips it. On a store
/// where a round trip is dear (files' S3: a HEAD and a PUT per event) that halves the event's cost.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IdempotentConsumerAttribute : Attribute;

/// <summary>The queues of this service's <see cref="IdempotentConsumerAttribute"/> consumers, by name.</summary>
public sealed class IdempotentQueues(IReadOnlySet<string> names)
{
    public bool Contains(string queue) => names.Contains(queue);
}
