namespace Tripmate.Messaging.Notifications;

/// <summary>The <c>Notifications</c> configuration section: how live streams behave.</summary>
public sealed class NotificationStreamOptions
{
    public const string Section = "Notifications";

    /// <summary>A comment line this often keeps proxies and load balancers from closing an idle stream.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Notifications waiting for one slow connection. When full, that stream is closed; the client
    /// reconnects with <c>Last-Event-ID</c> and gets the rest from the store, so nothing is lost.
    /// </summary>
    public int BufferSize { get; set; } = 256;

    /// <summary>Open streams one user may hold on one instance (tabs, devices); more are refused with 429.</summary>
    public int MaxStreamsPerUser { get; set; } = 8;
}
