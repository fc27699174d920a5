using MassTransit;

namespace Tripmate.Messaging.Notifications;

/// <summary>Runs on a temporary queue of this instance alone, so every instance sees every notification.</summary>
public sealed class NotificationFanOutConsumer(NotificationHub hub) : IConsumer<NotificationCreated>
{
    public Task Consume(ConsumeContext<NotificationCreated> context)
    {
        hub.Deliver(context.Message.ToNotification());
        return Task.CompletedTask;
    }
}
