using MassTransit;
using Tripmate.Contracts.Identity;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Users;

/// <summary>Keeps <see cref="IUserDirectory"/>: safe under redelivery and reordering (see there).</summary>
public sealed class UserRegisteredConsumer(IUserDirectory users) : IConsumer<UserRegistered>
{
    public Task Consume(ConsumeContext<UserRegistered> context) => users.MarkRegisteredAsync(context.Message.UserId, context.CancellationToken);
}

/// <summary>
/// Records the deletion in the directory. The purge of the user's notifications, inbox and
/// memberships is <c>UserDeletedConsumer</c>'s; both consume the same event, each on its own queue.
/// </summary>
public sealed class UserDeletedDirectoryConsumer(IUserDirectory users) : IConsumer<UserDeleted>
{
    public Task Consume(ConsumeContext<UserDeleted> context) => users.MarkDeletedAsync(context.Message.UserId, context.CancellationToken);
}
