using System.Globalization;
using Tripmate.Load.Http;
using Tripmate.Load.Performance;
using Tripmate.Load.Seeding;

namespace Tripmate.Load.Commands;

/// <summary>
/// <c>growth-plan --state DIR [--url URL --messages 1000,... --files 100,...] [--graph-users N]</c>: the
/// part of `./dev seed --growth` that goes through the gateway. Picks seeded people of the plan's
/// tail (the scenarios act as its head) to read each conversation size, own each number of files
/// and ask for suggestions; opens each reader's direct conversation; writes growth.json
/// (<see cref="GrowthPlan"/>) and, for ./dev's service loaders, growth-plan.txt
/// (<c>conversation SIZE ID READER OTHER</c>, <c>files SIZE OWNER</c>) and growth-readers.txt.
/// With <c>--graph-users</c> alone it records the graph's size once the loader grew it.
/// </summary>
public static class GrowthPlanCommand
{
    private const int SuggestionReaders = 8;

    public static async Task<int> RunAsync(CommandLine line)
    {
        var state = line.Text("--state", Defaults.SeedState);
        var existing = GrowthPlan.Load(state);
        if (line.Has("--graph-users") && !line.Has("--messages"))
        {
            var recorded = existing ?? throw new InvalidOperationException($"No growth plan in {state}: run growth-plan with --messages first.");
            (recorded with { GraphUsers = line.Int("--graph-users", 0) }).Save(state);
            return 0;
        }

        var journal = SeedJournal.TryLoad(state);
        if (journal?.Sizes is not { } sizes)
        {
            throw new InvalidOperationException($"No seeded data set in {state}: run `./dev seed` first.");
        }

        var messageSizes = Sizes(line.Text("--messages", "1000,10000,100000,1000000"));
        var fileSizes = Sizes(line.Text("--files", "100,1000,10000,100000"));
        var seeded = new SeedPlan(sizes);
        // From the last seeded user backwards: readers and others of conversations, file owners, suggestion readers.
        var tail = Enumerable.Range(0, seeded.Users.Count).Reverse().Where(journal.Users.ContainsKey).ToList();
        var needed = (2 * messageSizes.Count) + fileSizes.Count + SuggestionReaders;
        if (tail.Count < needed + 32)
        {
            throw new InvalidOperationException($"The growth data needs {needed} seeded users beside the scenarios' 32: seed at least {needed + 32} users.");
        }

        using var gateway = LoadHttp.CreateClient(new Uri(line.Text("--url", Defaults.GatewayUrl)));
        var signIns = new SignIns(gateway, SeedPlan.Password);
        var conversations = new List<GrowthPlan.Conversation>();
        for (var k = 0; k < messageSizes.Count; k++)
        {
            var (reader, other) = (tail[2 * k], tail[(2 * k) + 1]);
            var (readerId, token) = await signIns.ForAsync(seeded.Users[reader].Email);
            var otherId = journal.Users[other];
            var (outcome, conversation) = await gateway.SendForJsonAsync<IdDto>(
                LoadHttp.Request(HttpMethod.Post, "/api/conversations/direct", token, new { userId = otherId }), CancellationToken.None);
            conversations.Add(new GrowthPlan.Conversation(messageSizes[k], conversation?.Id ?? throw new InvalidOperationException(
                $"Opening a direct conversation for the growth data answered {outcome.Status}."), seeded.Users[reader].Email, readerId, otherId));
        }

        var owners = fileSizes.Select((size, k) => tail[(2 * messageSizes.Count) + k])
            .Select((user, k) => new GrowthPlan.FileOwner(fileSizes[k], seeded.Users[user].Email, journal.Users[user])).ToList();
        var readers = tail.Skip((2 * messageSizes.Count) + fileSizes.Count).Take(SuggestionReaders).ToList();
        var plan = new GrowthPlan(conversations, owners, [.. readers.Select(r => seeded.Users[r].Email)], existing?.GraphUsers ?? 0);
        plan.Save(state);
        File.WriteAllLines(Path.Combine(state, "growth-plan.txt"),
        [
            .. conversations.Select(c => $"conversation {c.Messages} {c.ConversationId} {c.ReaderId} {c.OtherId}"),
            .. owners.Select(o => $"files {o.Files} {o.UserId}"),
        ]);
        File.WriteAllText(Path.Combine(state, "growth-readers.txt"), string.Join(',', readers.Select(r => journal.Users[r])));
        Console.WriteLine($"Growth plan: {conversations.Count} conversations, {owners.Count} file owners, {readers.Count} suggestion readers ({state}/{GrowthPlan.FileName})");
        return 0;
    }

    private static List<long> Sizes(string text) => [.. text.Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture))];
}
