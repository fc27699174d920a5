using Tripmate.Messaging.Conversations;
using Tripmate.Messaging.Events;
using Tripmate.Messaging.Messages;
using Tripmate.Messaging.Notifications;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.OpenApi;

namespace Tripmate.Messaging;

/// <summary>The messaging API: conversations, messages, notifications, their events.</summary>
public static class MessagingServiceExtensions
{
    public static IHostApplicationBuilder AddMessagingServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication();
        builder.AddMessagingBus();

        builder.Services.Configure<NotificationStreamOptions>(builder.Configuration.GetSection(NotificationStreamOptions.Section));
        builder.Services.AddScoped<MessageSender>();
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddScoped<CurrentMessageTexts>();
        builder.Services.AddSingleton<NotificationHub>();

        // Here, not in the shared defaults: the generator finds this project's request types only.
        builder.Services.AddValidation();
        builder.Services.AddDefaultOpenApi();
        return builder;
    }

    public static WebApplication MapMessagingEndpoints(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapConversationsEndpoints();
        app.MapMessagesEndpoints();
        app.MapNotificationsEndpoints();
        return app;
    }
}
