using MassTransit;
using Tripmate.Contracts.Files;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Notifications;

/// <summary>
/// Tells the person a file was shared with, or every current member of the group (the members of
/// its conversation, whose id is the group's), never the owner who shared it. Ids derived from the
/// event and the recipient make a redelivery store nothing twice.
/// </summary>
public sealed class FileSharedConsumer(IConversationStore conversations, Notifier notifier) : IConsumer<FileShared>
{
    public const string NotificationType = "file-shared";

    public async Task Consume(ConsumeContext<FileShared> context)
    {
        var shared = context.Message;
        IReadOnlyList<Guid> recipients = shared switch
        {
            { UserId: { } userId } => [userId],
            { GroupId: { } groupId } => await conversations.GetMemberIdsAsync(groupId, context.CancellationToken),
            _ => [],
        };
        var data = new Dictionary<string, string> { ["fileId"] = shared.FileId.ToString(), ["ownerId"] = shared.OwnerId.ToString() };
        if (shared.GroupId is { } group)
        {
            data["groupId"] = group.ToString();
        }

        foreach (var recipient in recipients.Where(r => r != shared.OwnerId))
        {
            await notifier.NotifyAsync(new Notification(
                recipient, TimeUuid.Derive(shared.OccurredAt, shared.EventId, recipient), NotificationType,
                NotificationText.Of($"A file was shared with you: {shared.Name}"), data, shared.OccurredAt), context.CancellationToken);
        }
    }
}
