using System.Net;
using Tripmate.Load.Http;

namespace Tripmate.Load.Seeding;

/// <summary>
/// Makes the planned follows (a power law of in-degrees, <see cref="SeedPlan.Follows"/>) through
/// social-graph. A follow is an idempotent PUT, so the journal only keeps how many of the plan's
/// follows are done: they go in batches, the count moves when a whole batch is done, and an
/// interrupted batch is simply sent again.
/// </summary>
public static class FollowSeeding
{
    public static async Task RunAsync(SeedContext seed, SeedProgress.Step follows, string shape, CancellationToken cancellationToken)
    {
        var planned = seed.Plan.Follows().ToList();
        var (_, probeToken) = await seed.TokenOfAsync(0);
        if (!await ServiceProbe.IsDeployedAsync(seed.Gateway, ServiceProbe.SocialGraph, probeToken, cancellationToken))
        {
            follows.Finish($"{planned.Count} planned, {shape}; skipped: social-graph not deployed");
            return;
        }

        follows.Advance(seed.Journal.FollowsDone);
        foreach (var batch in planned.Skip(seed.Journal.FollowsDone).Chunk(seed.Concurrency * 32))
        {
            await seed.ForEachAsync(batch, async (follow, ct) =>
            {
                var (_, token) = await seed.TokenOfAsync(follow.Follower);
                var outcome = await seed.Gateway.SendMeasuredAsync(
                    LoadHttp.Request(HttpMethod.Put, $"/api/relationships/following/{seed.IdOf(follow.Followee)}", token), ct);
                RateLimited.ThrowIf(outcome.Status);
                if (!outcome.Ok)
                {
                    throw new InvalidOperationException($"Following answered {outcome.Status}.");
                }

                follows.Advance();
            }, cancellationToken);
            seed.Journal.FollowsDone += batch.Length;
        }

        follows.Finish(shape);
    }
}
