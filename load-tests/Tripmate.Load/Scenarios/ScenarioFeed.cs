using Tripmate.Load.Http;
using Tripmate.Load.Seeding;

namespace Tripmate.Load.Scenarios;

/// <summary>
/// The data feed of the scenarios: the seeded data set (the seeder's journal and plan), with the
/// most active users signed in once at setup. Iteration <c>i</c> acts as user <c>i mod n</c> and
/// picks its conversation, profile or group by a hash of <c>i</c>, so a run repeats exactly.
/// </summary>
public sealed class ScenarioFeed
{
    private ScenarioFeed(IReadOnlyList<FeedUser> users, IReadOnlyList<Guid> popularProfiles, FeedUser? fullGroupOwner,
        DeployedServices services, IReadOnlyList<long> smallFileSizes)
    {
        Users = users;
        PopularProfiles = popularProfiles;
        FullGroupOwner = fullGroupOwner;
        Services = services;
        SmallFileSizes = smallFileSizes;
    }

    /// <summary>The optional services the gateway reaches; the mix leaves out the requests of the others.</summary>
    public DeployedServices Services { get; }

    /// <summary>Upload sizes for the scenarios: the plan's file sizes up to 1 MB (the "small file" of a chat), in plan order.</summary>
    public IReadOnlyList<long> SmallFileSizes { get; }

    /// <summary>The owner of the seeded full group (its only group in <see cref="FeedUser.Groups"/>), when it was seeded.</summary>
    public FeedUser? FullGroupOwner { get; }

    public IReadOnlyList<FeedUser> Users { get; }

    /// <summary>Profiles to read, most followed first (a Zipf pick over them favours the head, as real reads do).</summary>
    public IReadOnlyList<Guid> PopularProfiles { get; }

    public FeedUser UserFor(long iteration) => Users[(int)(iteration % Users.Count)];

    public static async Task<ScenarioFeed> LoadAsync(HttpClient gateway, string stateDirectory, int signIn)
    {
        var journal = SeedJournal.TryLoad(stateDirectory);
        if (journal?.Sizes is not { } sizes || journal.Users.IsEmpty)
        {
            throw new InvalidOperationException($"No seeded data set in {stateDirectory}: run `./dev seed` (or the tool's `seed` command) first.");
        }

        var plan = new SeedPlan(sizes);
        var conversationsOf = plan.Conversations
            .Where(c => journal.Conversations.ContainsKey(c.Index))
            .SelectMany(c => c.Members.Select(m => (Member: m, Id: journal.Conversations[c.Index])))
            .GroupBy(x => x.Member)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Id).Distinct().ToList());
        var groupsOf = plan.Groups
            .Where(g => journal.Groups.ContainsKey(g.Index))
            .SelectMany(g => new[] { g.Owner }.Concat(g.Members).Select(m => (Member: m, Id: journal.Groups[g.Index])))
            .GroupBy(x => x.Member)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Id).ToList());
        // The users in the most conversations act: they are the ones who have something to read and answer.
        var actors = conversationsOf.OrderByDescending(c => c.Value.Count).ThenBy(c => c.Key).Take(signIn).Select(c => c.Key).ToList();
        if (actors.Count == 0)
        {
            throw new InvalidOperationException("The seeded data set has no conversations: seed with --messages > 0.");
        }

        var signIns = new SignIns(gateway, SeedPlan.Password);
        var (_, probeToken) = await signIns.ForAsync(plan.Users[actors[0]].Email);
        var services = new DeployedServices(
            SocialGraph: await ServiceProbe.IsDeployedAsync(gateway, ServiceProbe.SocialGraph, probeToken, CancellationToken.None),
            Files: await ServiceProbe.IsDeployedAsync(gateway, ServiceProbe.Files, probeToken, CancellationToken.None));
        var users = await Task.WhenAll(actors.Select(async index =>
        {
            var (id, token) = await signIns.ForAsync(plan.Users[index].Email);
            var files = services.Files ? await ActorFiles.OfAsync(gateway, token, index) : [];
            return new FeedUser(id, token, conversationsOf[index], groupsOf.GetValueOrDefault(index) ?? [], files);
        }));
        var popular = plan.Follows().GroupBy(f => f.Followee).OrderByDescending(g => g.Count()).Select(g => g.Key)
            .Concat(Enumerable.Range(0, plan.Users.Count)).Distinct()
            .Where(journal.Users.ContainsKey).Take(500).Select(u => journal.Users[u]).ToList();
        FeedUser? fullGroupOwner = null;
        if (plan.Groups.Count > SeedPlan.FullGroupIndex && journal.Groups.TryGetValue(SeedPlan.FullGroupIndex, out var fullGroupId))
        {
            var owner = plan.Groups[SeedPlan.FullGroupIndex].Owner;
            var (id, token) = await signIns.ForAsync(plan.Users[owner].Email);
            fullGroupOwner = new FeedUser(id, token, [fullGroupId], [fullGroupId], []);
        }

        var smallFiles = plan.Files().Select(f => f.Bytes).Where(b => b <= 1 << 20).ToList();
        return new ScenarioFeed(users, popular, fullGroupOwner, services, smallFiles.Count > 0 ? smallFiles : [16 * 1024]);
    }
}

/// <summary>A signed-in user of the feed, with the conversations and groups they belong to and files of theirs.</summary>
public sealed record FeedUser(Guid Id, string Token, IReadOnlyList<Guid> Conversations, IReadOnlyList<Guid> Groups, IReadOnlyList<Guid> Files);

/// <summary>Which of the services a deployment may leave out the gateway reaches.</summary>
public sealed record DeployedServices(bool SocialGraph, bool Files);
