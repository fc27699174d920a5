using MassTransit;
using Tripmate.Contracts.Identity;

namespace Tripmate.Gateway.Caching;

/// <summary>
/// Evicts what identity's events report changed, including changes made without going through the
/// gateway. A group's details carry the caller's role, so membership changes evict them too.
/// </summary>
public sealed class CacheEvictionConsumer(ResponseCacheStore cache) :
    IConsumer<UserProfileUpdated>,
    IConsumer<UserDeleted>,
    IConsumer<GroupUpdated>,
    IConsumer<GroupDeleted>,
    IConsumer<GroupMemberAdded>,
    IConsumer<GroupMemberRemoved>
{
    public Task Consume(ConsumeContext<UserProfileUpdated> context) => cache.EvictAsync([CacheTags.User(context.Message.UserId)]);

    public Task Consume(ConsumeContext<UserDeleted> context) => cache.EvictAsync([CacheTags.User(context.Message.UserId)]);

    public Task Consume(ConsumeContext<GroupUpdated> context) => EvictGroupAsync(context.Message.GroupId);

    public Task Consume(ConsumeContext<GroupDeleted> context) => EvictGroupAsync(context.Message.GroupId);

    public Task Consume(ConsumeContext<GroupMemberAdded> context) => EvictGroupAsync(context.Message.GroupId);

    public Task Consume(ConsumeContext<GroupMemberRemoved> context) => EvictGroupAsync(context.Message.GroupId);

    private Task EvictGroupAsync(Guid groupId) => cache.EvictAsync([CacheTags.Group(groupId), CacheTags.GroupMembers(groupId)]);
}
