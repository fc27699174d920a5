namespace Tripmate.Outbox;

/// <summary>An event a relay has leased from its store, not yet confirmed by the broker.</summary>
/// <param name="Position">Where the store keeps it (a row id, a partition and clustering key); only the store reads it.</param>
/// <param name="Attempts">Earlier failed attempts, as far as the store counts them.</param>
public sealed record PendingEvent(OutboxEnvelope Event, object Position, int Attempts = 0);
