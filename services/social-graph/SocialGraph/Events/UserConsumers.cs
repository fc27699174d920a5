using MassTransit;
using Tripmate.Contracts.Identity;
using Tripmate.SocialGraph.Store;

namespace Tripmate.SocialGraph.Events;

/// <summary>The user's node; a repeat, or one arriving after the deletion, changes nothing.</summary>
public sealed class UserRegisteredConsumer(IGraphStore graph) : IConsumer<UserRegistered>
{
    public Task Consume(ConsumeContext<UserRegistered> context) => graph.AddUserAsync(context.Message.UserId, context.CancellationToken);
}

/// <summary>Removes the user with every follow, block and membership, for good.</summary>
public sealed class UserDeletedConsumer(IGraphStore graph) : IConsumer<UserDeleted>
{
    public Task Consume(ConsumeContext<UserDeleted> context) => graph.RemoveUserAsync(context.Message.UserId, context.CancellationToken);
}
