using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tripmate.Messaging.Store;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.Errors;
using FromHeaderAttribute = Microsoft.AspNetCore.Mvc.FromHeaderAttribute;

namespace Tripmate.Messaging.Notifications;

/// <summary>
/// <c>GET /api/notifications/stream</c>: Server-Sent Events, one <c>notification</c> event per new
/// notification, its id the notification id. A reconnecting client sends the last id it got
/// (<c>Last-Event-ID</c>) and first receives what it missed from the store, then the live ones.
/// </summary>
public static class NotificationStreamEndpoint
{
    public static void MapNotificationStream(this RouteGroupBuilder notifications) =>
        notifications.MapGet("/stream", StreamAsync).WithName("StreamNotifications")
            .WithSummary("Server-Sent Events: each new notification as it happens; resume with Last-Event-ID.")
            .Produces<NotificationResponse>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<IResult> StreamAsync(
        HttpContext http, [FromHeader(Name = "Last-Event-ID")] string? lastEventId, NotificationHub hub, INotificationStore notifications,
        IOptions<NotificationStreamOptions> options, IOptions<JsonOptions> json, IHostApplicationLifetime lifetime)
    {
        var resumeAfter = ParseLastEventId(lastEventId);
        var userId = http.User.GetUserId();
        // Subscribed before reading what was missed: whatever is stored meanwhile is queued, not lost.
        var subscription = hub.TrySubscribe(userId, options.Value.BufferSize, options.Value.MaxStreamsPerUser);
        if (subscription is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many streams",
                detail: $"At most {options.Value.MaxStreamsPerUser} notification streams per user; close one first.");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            EndWhenTokenExpires(http, stop);
            http.Response.ContentType = "text/event-stream"; // Cache-Control: no-store, from the notifications group
            http.Response.Headers["X-Accel-Buffering"] = "no"; // proxies that buffer (nginx) would hold events back
            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            var stream = new NotificationStream(new ServerSentEventWriter(http.Response.BodyWriter), json.Value.SerializerOptions);

            await stream.OpenAsync(stop.Token);
            if (resumeAfter is { } after)
            {
                await stream.ReplayAsync(notifications, userId, after, stop.Token);
            }

            await stream.SendLiveAsync(subscription, options.Value.HeartbeatInterval, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client left, the token expired, or the instance is stopping: the client reconnects with Last-Event-ID.
        }
        finally
        {
            hub.Unsubscribe(subscription);
        }

        return TypedResults.Empty; // the response was written above
    }

    private static Guid? ParseLastEventId(string? lastEventId) =>
        string.IsNullOrEmpty(lastEventId) ? null
        : Guid.TryParse(lastEventId, out var id) && TimeUuid.IsTimeUuid(id) ? id
        : throw new RequestValidationException("Last-Event-ID",
            "Not an id this stream sent. Reconnect without it, or with the id of the last event received.");

    /// <summary>A stream outlives no token: when it expires the stream ends, and the client reconnects with a fresh one.</summary>
    private static void EndWhenTokenExpires(HttpContext http, CancellationTokenSource stop)
    {
        if (long.TryParse(http.User.FindFirst("exp")?.Value, out var exp))
        {
            var left = DateTimeOffset.FromUnixTimeSeconds(exp) - DateTimeOffset.UtcNow;
            stop.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
    }
}
