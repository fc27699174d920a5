using Tripmate.Contracts.Caching;
using Tripmate.Contracts.Identity;
using Tripmate.Testing.Bus;

namespace Tripmate.Identity.Tests.Infrastructure;

/// <summary>Every event identity publishes, recorded from the real broker.</summary>
public static class IdentityEvents
{
    /// <param name="broker">An AMQP URI; the test servers' broker when null.</param>
    public static Task<EventRecorder> RecordAsync(string? broker = null) => EventRecorder.StartAsync("identity-tests", events => events
        .Record<UserRegistered>().Record<UserProfileUpdated>().Record<UserDeleted>()
        .Record<GroupCreated>().Record<GroupUpdated>().Record<GroupDeleted>()
        .Record<GroupMemberAdded>().Record<GroupMemberRemoved>()
        .Record<CacheTagsInvalidated>(), broker);
}
