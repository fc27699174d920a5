using Microsoft.AspNetCore.Http.HttpResults;
using Tripmate.Messaging.Store;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.Caching;
using Tripmate.ServiceDefaults.OpenApi;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Messaging.Notifications;

public static class NotificationsEndpoints
{

    public static IEndpointRouteBuilder MapNotificationsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // No cache keeps any of it, the event stream included: it is personal and changes all the time.
        var notifications = endpoints.MapGroup("/api/notifications").RequireAuthorization().WithTags("Notifications").WithStandardProblems()
            .NoStore();
        notifications.MapGet("/", ListAsync).WithName("ListNotifications").WithSummary("The caller's notifications, newest first.");
        notifications.MapGet("/unread-count", CountUnreadAsync).WithName("CountUnreadNotifications")
            .WithSummary("How many of the caller's notifications are unread.");
        notifications.MapPost("/{id:guid}/read", MarkReadAsync).WithName("MarkNotificationRead").WithSummary("Mark one notification read.");
        notifications.MapPost("/read-all", MarkAllReadAsync).WithName("MarkAllNotificationsRead").WithSummary("Mark every notification read.");
        notifications.MapNotificationStream();
        return endpoints;
    }

    private static async Task<Ok<Page<NotificationResponse>>> ListAsync(
        [AsParameters] NotificationListQuery query, [AsParameters] PageQuery page, HttpContext http, INotificationStore notifications,
        CurrentMessageTexts currentTexts, CancellationToken cancellationToken)
    {
        var readerId = http.User.GetUserId();
        var after = page.After<NotificationPosition>(isValid: NotificationPosition.IsValid);
        var found = await notifications.ListAsync(readerId, query.Unread ?? false, after, page.Size, cancellationToken);
        var items = await currentTexts.ApplyAsync(readerId, found.Items, cancellationToken);
        return TypedResults.Ok(Page.From(new Slice<NotificationResponse, NotificationPosition>(items, found.Next), item => item));
    }

    private static async Task<Ok<UnreadCountResponse>> CountUnreadAsync(
        HttpContext http, INotificationStore notifications, CancellationToken cancellationToken) =>
        TypedResults.Ok(new UnreadCountResponse(await notifications.CountUnreadAsync(http.User.GetUserId(), cancellationToken)));

    /// <summary>Someone else's notification is simply not found.</summary>
    private static async Task<Results<NoContent, NotFound>> MarkReadAsync(
        Guid id, HttpContext http, INotificationStore notifications, CancellationToken cancellationToken) =>
        TimeUuid.IsTimeUuid(id) && await notifications.MarkReadAsync(http.User.GetUserId(), id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();

    private static async Task<NoContent> MarkAllReadAsync(HttpContext http, INotificationStore notifications, CancellationToken cancellationToken)
    {
        await notifications.MarkAllReadAsync(http.User.GetUserId(), cancellationToken);
        return TypedResults.NoContent();
    }
}
