namespace Tripmate.Messaging;

/// <summary>The messaging API: conversations, messages, notifications, their events.</summary>
public static class MessagingServiceExtensions
{
    public static IHostApplicationBuilder AddMessagingServices(this IHostApplicationBuilder builder)
    {
        // TODO(messaging api): authentication, validation, bus and consumers, notification stream.
        return builder;
    }

    public static WebApplication MapMessagingEndpoints(this WebApplication app) => app;
}
