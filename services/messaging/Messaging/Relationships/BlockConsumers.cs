using MassTransit;
using Tripmate.Contracts.SocialGraph;
using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Relationships;

/// <summary>Keeps <see cref="IBlockDirectory"/>: no direct conversation, and no message in one, across a block.</summary>
public sealed class UserBlockedConsumer(IBlockDirectory blocks) : IConsumer<UserBlocked>
{
    public Task Consume(ConsumeContext<UserBlocked> context) =>
        blocks.ApplyAsync(context.Message.BlockerId, context.Message.BlockedId, isBlocked: true, context.Message.OccurredAt, context.CancellationToken);
}

public sealed class UserUnblockedConsumer(IBlockDirectory blocks) : IConsumer<UserUnblocked>
{
    public Task Consume(ConsumeContext<UserUnblocked> context) =>
        blocks.ApplyAsync(context.Message.BlockerId, context.Message.BlockedId, isBlocked: false, context.Message.OccurredAt, context.CancellationToken);
}
