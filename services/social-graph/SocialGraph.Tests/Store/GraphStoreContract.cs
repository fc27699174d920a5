using Microsoft.Extensions.Time.Testing;
using Tripmate.Contracts;
using Tripmate.Contracts.SocialGraph;
using Tripmate.Outbox;
using Tripmate.SocialGraph.Store;

namespace Tripmate.SocialGraph.Tests.Store;

/// <summary>
/// What every graph store must do, run against each backend by a subclass (embedded always, Neo4j
/// when configured). Each test makes its own ids, so tests never see each other's data.
/// </summary>
public abstract partial class GraphStoreContract
{
    protected static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>Whole milliseconds: every store keeps that precision.</summary>
    protected static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    protected FakeTimeProvider Clock { get; } = new(T0);

    protected IGraphStore Graph { get; private set; } = null!;

    protected IOutboxStore Outbox { get; private set; } = null!;

    /// <summary>Opens the backend (or skips the test when it is not available).</summary>
    protected abstract Task<(IGraphStore Graph, IOutboxStore Outbox)> OpenAsync();

    protected async Task StartAsync() => (Graph, Outbox) = await OpenAsync();

    protected async Task<Guid[]> NewUsersAsync(int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();
        foreach (var id in ids)
        {
            await Graph.AddUserAsync(id, Ct);
        }

        return ids;
    }

    /// <summary>A follow at a time that only moves on, so lists have a known newest-first order.</summary>
    protected async Task<FollowOutcome> FollowAsync(Guid follower, Guid followee, params IntegrationEvent[] announce)
    {
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        return await Graph.FollowAsync(follower, followee, Clock.GetUtcNow(), announce, Ct);
    }

    protected Task<BlockOutcome> BlockAsync(Guid blocker, Guid blocked)
    {
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        return Graph.BlockAsync(blocker, blocked, Clock.GetUtcNow(), outcome => outcome.Created ? [new UserBlocked(blocker, blocked)] : [], Ct);
    }

    /// <summary>Events committed to the outbox and not yet relayed that name <paramref name="user"/> (a shared store holds other tests' too).</summary>
    protected async Task<List<OutboxEnvelope>> PendingEventsAsync(Guid user)
    {
        var pending = await Outbox.LeaseAsync(10_000, TimeSpan.FromMilliseconds(1), Ct);
        await Outbox.ReleaseAsync(pending, "read by a test", Ct);
        return [.. pending.Select(p => p.Event).Where(e => e.Payload.Contains(user.ToString()))];
    }

    protected async Task<List<Guid>> AllAsync(Func<ConnectionPosition?, Task<ServiceDefaults.Paging.Slice<Connection, ConnectionPosition>>> page)
    {
        var all = new List<Guid>();
        ConnectionPosition? after = null;
        do
        {
            var slice = await page(after);
            Assert.All(slice.Items, c => Assert.DoesNotContain(c.UserId, all));
            all.AddRange(slice.Items.Select(c => c.UserId));
            after = slice.Next;
        }
        while (after is not null);
        return all;
    }
}
