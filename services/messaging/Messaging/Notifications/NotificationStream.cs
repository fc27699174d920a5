using System.Text.Json;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Notifications;

/// <summary>
/// One client's stream: what it missed (from the store), then live notifications with heartbeats
/// in the quiet. Each notification is sent once, wherever it came from.
/// </summary>
internal sealed class NotificationStream(ServerSentEventWriter writer, JsonSerializerOptions json)
{
    private const int ReplayPageSize = 100;

    /// <summary>Ids remembered to drop duplicates; the seam between replay and live is far smaller.</summary>
    private const int RememberedIds = 1024;

    private readonly RecentIds _sent = new(RememberedIds);

    /// <summary>Sends the headers and a first comment, so the client knows the stream is subscribed.</summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        writer.Retry(TimeSpan.FromSeconds(3));
        writer.Comment("connected");
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Everything stored after <paramref name="after"/>, oldest first, a page at a time.</summary>
    public async Task ReplayAsync(INotificationStore notifications, Guid userId, Guid after, CancellationToken cancellationToken)
    {
        while (true)
        {
            var missed = await notifications.ListAfterAsync(userId, after, ReplayPageSize, cancellationToken);
            foreach (var notification in missed)
            {
                Send(notification);
            }

            await writer.FlushAsync(cancellationToken);
            if (missed.Count < ReplayPageSize)
            {
                return;
            }

            after = missed[^1].Id;
        }
    }

    /// <summary>Returns when the subscription overflowed; ending the stream makes the client resume from the store.</summary>
    public async Task SendLiveAsync(NotificationSubscription subscription, TimeSpan heartbeat, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(heartbeat);
            try
            {
                if (!await subscription.Reader.WaitToReadAsync(quiet.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                writer.Comment("heartbeat");
                await writer.FlushAsync(cancellationToken);
                continue;
            }

            while (subscription.Reader.TryRead(out var notification))
            {
                Send(notification);
            }

            await writer.FlushAsync(cancellationToken);
        }
    }

    private void Send(Notification notification)
    {
        if (_sent.Add(notification.Id))
        {
            writer.Event(notification.Id.ToString(), "notification", JsonSerializer.Serialize(NotificationResponse.From(notification), json));
        }
    }
}
