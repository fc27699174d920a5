namespace Tripmate.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>
    /// How often the relay looks for events nobody signalled (another instance's, or left after a
    /// failure). This process's own commits wake it at once, and an instance that died leaves its
    /// events leased for <see cref="LeaseDuration"/> anyway, so a long pause loses no time and
    /// spares an idle service a store round trip every few seconds.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    public int BatchSize { get; set; } = 100;

    /// <summary>How long one publish may wait for the broker's confirm before the batch is retried later.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a relay holds the events it took. Longer than a publish can take, so no other
    /// instance sends them while this one still may; as short as that, so a crashed instance's
    /// events wait no longer than needed.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest pause between attempts while the broker is unreachable.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sent events are kept this long for inspection, then deleted.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(1);
}
