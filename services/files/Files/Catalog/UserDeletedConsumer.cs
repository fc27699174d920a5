using MassTransit;
using Tripmate.Contracts.Identity;
using Tripmate.Files.Store;

namespace Tripmate.Files.Catalog;

/// <summary>
/// Deletes every file the user owns (bytes, records, shares: batched DeleteObjects) and every share
/// with them. Idempotent: run again, it finds nothing left to delete.
/// </summary>
public sealed class UserDeletedConsumer(FileRemoval removal) : IConsumer<UserDeleted>
{
    public async Task Consume(ConsumeContext<UserDeleted> context)
    {
        await removal.DeleteOwnedByAsync(context.Message.UserId, context.CancellationToken);
        await removal.DropSharesWithAsync(ShareTarget.User(context.Message.UserId), context.CancellationToken);
    }
}
