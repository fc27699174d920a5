namespace Tripmate.Outbox;

/// <summary>
/// Where a service keeps the events it committed with its changes, as the relay sees them. Each
/// kind of store has one implementation; writing events is the store's own business (same
/// transaction, same batch), so it is not part of this interface.
/// </summary>
public interface IOutboxStore
{
    /// <summary>
    /// Up to <paramref name="max"/> events neither sent nor parked, oldest first, leased for
    /// <paramref name="lease"/>: no other relay (another instance) takes them until it ends. A relay
    /// that dies mid-batch therefore delays its events by one lease, and loses none.
    /// </summary>
    Task<IReadOnlyList<PendingEvent>> LeaseAsync(int max, TimeSpan lease, CancellationToken ct);

    /// <summary>The broker confirmed these: never relay them again.</summary>
    Task MarkSentAsync(IReadOnlyCollection<PendingEvent> sent, CancellationToken ct);

    /// <summary>These could not be published now (the broker is away): end their lease so they are retried.</summary>
    Task ReleaseAsync(IReadOnlyCollection<PendingEvent> unsent, string error, CancellationToken ct);

    /// <summary>This one can never be published (its type is unknown, its payload unreadable): keep it aside with the reason.</summary>
    Task ParkAsync(PendingEvent parked, string reason, CancellationToken ct);

    /// <summary>Forgets events sent before <paramref name="sentBefore"/> (stores that delete on sending do nothing).</summary>
    Task PurgeSentAsync(DateTimeOffset sentBefore, CancellationToken ct);
}
