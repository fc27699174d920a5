namespace Tripmate.Messaging;

/// <summary>The <c>Messaging</c> configuration section (the store reads its own keys from it too).</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>How long a send waits for the broker to confirm its <c>MessageSent</c> before giving up on it.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
