namespace Tripmate.Messaging;

/// <summary>The <c>Messaging</c> configuration section (the store reads its own keys from it too).</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>
    /// Starts every queue name of this service. Instances sharing one store share it (they compete
    /// for events, which is right); a service with another store needs another prefix, or its
    /// consumers would take events meant for this one.
    /// </summary>
    public string EndpointPrefix { get; set; } = "messaging";

    /// <summary>How long a send waits for the broker to confirm its <c>MessageSent</c> before giving up on it.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
