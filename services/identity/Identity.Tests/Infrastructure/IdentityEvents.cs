using Tripmate.Contracts.Caching;
using Tripmate.Contracts.Identity;
using Tripmate.Testing.Bus;

namespace Tripmate.Identity.Tests.Infrastructure;

/// <summary>Every event identity publishes, recorded from the real broker.</summary>
public static class IdentityEvents
{
    public static Task<EventRecorder> RecordAsync() => EventRecorder.StartAsync("identity-tests", events => events
        .Record<UserRegistered>().Record<UserProfileUpdated>().Record<UserDeleted>()
        .Record<GroupCreated>().Record<GroupUpdated>().Record<GroupDeleted>()
        .Record<GroupMemberAdded>().Record<GroupMemberRemoved>()
        .Record<CacheTagsInvalidated>());
}
