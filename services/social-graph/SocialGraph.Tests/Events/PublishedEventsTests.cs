using System.Net;
using System.Text.Json;
using Tripmate.Contracts.Caching;
using Tripmate.Contracts.SocialGraph;
using Tripmate.SocialGraph.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.SocialGraph.Tests.Events;

/// <summary>Social-graph on a RabbitMQ of its own, which its tests stop and restart.</summary>
public sealed class SocialGraphOnPrivateBroker : SocialGraphApp
{
    public SocialGraphOnPrivateBroker() => With("ConnectionStrings:RabbitMq", Servers.RabbitMq);

    public PrivateServers Servers { get; } = new();

    public override async Task InitializeAsync()
    {
        await Servers.StartAsync("rabbitmq");
        await base.InitializeAsync();
    }

    protected override async Task DisposeResourcesAsync()
    {
        await base.DisposeResourcesAsync();
        await Servers.DisposeAsync();
    }
}

/// <summary>What social-graph publishes, through its outbox, on a real RabbitMQ (its own: one test stops it).</summary>
public sealed class PublishedEventsTests(SocialGraphOnPrivateBroker app) : IClassFixture<SocialGraphOnPrivateBroker>
{
    private const int Follows = 20;

    [Fact]
    public async Task A_follow_an_unfollow_a_block_and_an_unblock_are_each_announced_once_with_their_cache_evictions()
    {
        await using var recorder = await SocialGraphEvents.RecordAsync(app.Servers.RabbitMq);
        var (ada, bob) = (await app.NewUserAsync(), await app.NewUserAsync());

        await ada.FollowOkAsync(bob);
        await ada.FollowOkAsync(bob);
        await bob.FollowOkAsync(ada);
        await ada.BlockAsync(bob.Id);
        await ada.UnblockAsync(bob.Id);

        await recorder.WaitForAsync<UserUnblocked>(e => e.BlockerId == ada.Id);
        await Task.Delay(500); // a duplicate would arrive right behind
        Assert.Single(recorder.Of<UserFollowed>(e => e.FollowerId == ada.Id && e.FolloweeId == bob.Id));
        Assert.Single(recorder.Of<UserFollowed>(e => e.FollowerId == bob.Id && e.FolloweeId == ada.Id));
        Assert.Single(recorder.Of<UserBlocked>(e => e.BlockerId == ada.Id && e.BlockedId == bob.Id));
        // The block ended both follows.
        Assert.Single(recorder.Of<UserUnfollowed>(e => e.FollowerId == ada.Id && e.FolloweeId == bob.Id));
        Assert.Single(recorder.Of<UserUnfollowed>(e => e.FollowerId == bob.Id && e.FolloweeId == ada.Id));
        Assert.Equal(4, recorder.Of<CacheTagsInvalidated>(e => e.Tags.Contains($"relationships:{ada.Id}")).Count);
    }

    /// <summary>Follows never wait for the broker: their events wait in the store's outbox and all arrive, once each, after it returns.</summary>
    [Fact]
    public async Task With_the_broker_stopped_20_follows_succeed_and_every_UserFollowed_arrives_once_after_it_restarts()
    {
        await using var recorder = await SocialGraphEvents.RecordAsync(app.Servers.RabbitMq);
        var star = await app.NewUserAsync();
        var fans = new List<TestUser>();
        for (var i = 0; i < Follows; i++)
        {
            fans.Add(await app.NewUserAsync());
        }

        await app.Servers.StopAsync("rabbitmq");
        try
        {
            foreach (var fan in fans)
            {
                Assert.Equal(HttpStatusCode.NoContent, (await fan.FollowAsync(star.Id)).StatusCode);
            }

            Assert.Equal(Follows, (await star.GetOkAsync<StatsDto>($"{star.Id}/stats")).Followers);
        }
        finally
        {
            await app.Servers.StartAsync("rabbitmq");
        }

        await Eventually.WaitForAsync(
            async () => JsonDocument.Parse(await app.Anonymous().GetStringAsync("/health/ready")).RootElement.GetProperty("status").GetString(),
            status => status == "Healthy", TimeSpan.FromSeconds(90), "the bus to reconnect");
        await recorder.WaitForAsync<UserFollowed>(e => e.FolloweeId == star.Id, Follows, TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(1)); // a duplicate would arrive right behind the originals
        var received = recorder.All.Where(r => r.Event is UserFollowed f && f.FolloweeId == star.Id).ToList();
        Assert.Equal(Follows, received.Count);
        Assert.Equal(fans.Select(f => f.Id).Order(), received.Select(r => ((UserFollowed)r.Event).FollowerId).Order());
        Assert.All(received, r => Assert.Equal(r.Event.EventId, r.MessageId));
    }
}
