using Tripmate.Contracts.Caching;
using Tripmate.Contracts.SocialGraph;
using Tripmate.Testing.Bus;

namespace Tripmate.SocialGraph.Tests.Infrastructure;

/// <summary>Every event social-graph publishes, recorded from the real broker.</summary>
public static class SocialGraphEvents
{
    /// <param name="broker">An AMQP URI; the test servers' broker when null.</param>
    public static Task<EventRecorder> RecordAsync(string? broker = null) => EventRecorder.StartAsync("social-graph-tests", events => events
        .Record<UserFollowed>().Record<UserUnfollowed>().Record<UserBlocked>().Record<UserUnblocked>()
        .Record<CacheTagsInvalidated>(), broker);
}
