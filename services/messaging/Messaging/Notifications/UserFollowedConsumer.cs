using MassTransit;
using Tripmate.Contracts.SocialGraph;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Notifications;

/// <summary>Tells the followed person; the notification's id comes from the event, so a redelivery stores nothing twice.</summary>
public sealed class UserFollowedConsumer(Notifier notifier) : IConsumer<UserFollowed>
{
    public const string NotificationType = "user-followed";

    public Task Consume(ConsumeContext<UserFollowed> context)
    {
        var followed = context.Message;
        return notifier.NotifyAsync(new Notification(
            followed.FolloweeId,
            TimeUuid.Derive(followed.OccurredAt, followed.EventId, followed.FolloweeId),
            NotificationType,
            "Someone started following you.",
            new Dictionary<string, string> { ["followerId"] = followed.FollowerId.ToString() },
            followed.OccurredAt), context.CancellationToken);
    }
}
