using MassTransit;
using Tripmate.Contracts.Caching;
using Tripmate.Contracts.Identity;
using Tripmate.ServiceDefaults.Caching;
using Tripmate.SocialGraph.Relationships;
using Tripmate.SocialGraph.Store;

namespace Tripmate.SocialGraph.Users;

/// <summary>The user's node; a repeat, or one arriving after the deletion, changes nothing.</summary>
public sealed class UserRegisteredConsumer(IGraphStore graph) : IConsumer<UserRegistered>
{
    public Task Consume(ConsumeContext<UserRegistered> context) => graph.AddUserAsync(context.Message.UserId, context.CancellationToken);
}

/// <summary>
/// Removes the user with every follow, block and membership, for good, and evicts the cached lists
/// of everyone they were in (committed with the removal, through the outbox).
/// </summary>
public sealed class UserDeletedConsumer(IGraphStore graph) : IConsumer<UserDeleted>
{
    public Task Consume(ConsumeContext<UserDeleted> context)
    {
        var deleted = context.Message.UserId;
        return graph.RemoveUserAsync(deleted, others =>
        [
            new CacheTagsInvalidated([.. new[] { deleted }.Concat(others).Select(id => CacheTag.Canonical(RelationshipCaching.Relationships(id)))])
            {
                // From the event: a redelivery that finds the user already gone announces nothing new.
                EventId = DerivedId(context.Message.EventId),
            },
        ], context.CancellationToken);
    }

    private static Guid DerivedId(Guid eventId)
    {
        Span<byte> bytes = stackalloc byte[16];
        eventId.TryWriteBytes(bytes);
        bytes[15] ^= 0x5A; // differs from the UserDeleted's own id, the same for every delivery of it
        return new Guid(bytes);
    }
}
