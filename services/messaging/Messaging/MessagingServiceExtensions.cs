using Microsoft.Extensions.Options;
using Tripmate.Messaging.Attachments;
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
        builder.Services.AddOptions<FilesOptions>().Bind(builder.Configuration.GetSection(FilesOptions.Section))
            .Validate(o => Uri.TryCreate(o.Url, UriKind.Absolute, out _), "Files:Url must be the files service's URL: attachments are checked there.")
            .ValidateOnStart();
        builder.Services.AddHttpClient<AttachmentCheck>((services, http) =>
            http.BaseAddress = new Uri(services.GetRequiredService<IOptions<FilesOptions>>().Value.Url));
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
