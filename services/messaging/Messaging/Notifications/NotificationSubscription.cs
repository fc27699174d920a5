using System.Threading.Channels;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Notifications;

/// <summary>
/// One live stream's queue of notifications, bounded: a client that stops reading cannot make the
/// instance hold an ever-growing backlog. On overflow the queue is completed, its stream ends, and
/// the client resumes with <c>Last-Event-ID</c> from the store, which has everything.
/// </summary>
public sealed class NotificationSubscription(Guid userId, int capacity)
{
    private readonly Channel<Notification> _queue = Channel.CreateBounded<Notification>(
        new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public Guid UserId { get; } = userId;

    public ChannelReader<Notification> Reader => _queue.Reader;

    public bool Overflowed { get; private set; }

    public void Offer(Notification notification)
    {
        if (!_queue.Writer.TryWrite(notification) && !Overflowed)
        {
            Overflowed = true;
            _queue.Writer.TryComplete();
        }
    }
}
