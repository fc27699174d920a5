using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using FromHeaderAttribute = Microsoft.AspNetCore.Mvc.FromHeaderAttribute;
using Microsoft.Extensions.Options;
using Tripmate.Messaging.Store;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.Errors;

namespace Tripmate.Messaging.Notifications;

/// <summary>
/// <c>GET /api/notifications/stream</c>: Server-Sent Events, one <c>notification</c> event per new
/// notification, its id the notification id. A reconnecting client sends the last id it got
/// (<c>Last-Event-ID</c>) and first receives what it missed from the store, then the live ones.
/// </summary>
public static class NotificationStreamEndpoint
{
    private const int ReplayPageSize = 100;

    /// <summary>Ids remembered per stream to drop duplicates; the seam between replay and live is far smaller.</summary>
    private const int RememberedIds = 1024;

    public static void MapNotificationStream(this RouteGroupBuilder notifications) =>
        notifications.MapGet("/stream", StreamAsync).WithName("StreamNotifications")
            .WithSummary("Server-Sent Events: each new notification as it happens; resume with Last-Event-ID.")
            .Produces<NotificationResponse>(StatusCodes.Status200OK, "text/event-stream");

    private static async Task StreamAsync(
        HttpContext http, [FromHeader(Name = "Last-Event-ID")] string? lastEventId, NotificationHub hub, INotificationStore notifications,
        IOptions<NotificationStreamOptions> options, IOptions<JsonOptions> json, IHostApplicationLifetime lifetime)
    {
        Guid? resumeAfter = null;
        if (!string.IsNullOrEmpty(lastEventId))
        {
            resumeAfter = Guid.TryParse(lastEventId, out var id) && TimeUuid.IsTimeUuid(id)
                ? id
                : throw new RequestValidationException("Last-Event-ID", "Not an id this stream sent. Reconnect without it, or with the id of the last event received.");
        }

        var userId = http.User.GetUserId();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        EndWhenTokenExpires(http, stop);

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no"; // proxies that buffer (nginx) would hold events back
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var stream = new ServerSentEventWriter(http.Response.BodyWriter);
        var sent = new RecentIds(RememberedIds);
        void Send(Notification notification)
        {
            if (sent.Add(notification.Id))
            {
                stream.Event(notification.Id.ToString(), "notification",
                    JsonSerializer.Serialize(NotificationResponse.From(notification), json.Value.SerializerOptions));
            }
        }

        // Subscribed before reading what was missed: whatever is stored meanwhile is queued, not lost.
        var subscription = hub.Subscribe(userId, options.Value.BufferSize);
        try
        {
            stream.Retry(TimeSpan.FromSeconds(3));
            stream.Comment("connected");
            await stream.FlushAsync(stop.Token);
            if (resumeAfter is { } after)
            {
                await ReplayAsync(notifications, userId, after, Send, stream, stop.Token);
            }

            await SendLiveAsync(subscription, Send, stream, options.Value.HeartbeatInterval, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client left, the token expired, or the instance is stopping: the client reconnects with Last-Event-ID.
        }
        finally
        {
            hub.Unsubscribe(subscription);
        }
    }

    private static async Task ReplayAsync(
        INotificationStore notifications, Guid userId, Guid after, Action<Notification> send, ServerSentEventWriter stream,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            var missed = await notifications.ListAfterAsync(userId, after, ReplayPageSize, cancellationToken);
            foreach (var notification in missed)
            {
                send(notification);
            }

            await stream.FlushAsync(cancellationToken);
            if (missed.Count < ReplayPageSize)
            {
                return;
            }

            after = missed[^1].Id;
        }
    }

    private static async Task SendLiveAsync(
        NotificationSubscription subscription, Action<Notification> send, ServerSentEventWriter stream, TimeSpan heartbeat,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(heartbeat);
            try
            {
                if (!await subscription.Reader.WaitToReadAsync(quiet.Token))
                {
                    return; // overflowed: ending the stream makes the client resume from the store
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                stream.Comment("heartbeat");
                await stream.FlushAsync(cancellationToken);
                continue;
            }

            while (subscription.Reader.TryRead(out var notification))
            {
                send(notification);
            }

            await stream.FlushAsync(cancellationToken);
        }
    }

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
