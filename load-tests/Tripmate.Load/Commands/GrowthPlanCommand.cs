using System.CommandLine;
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

    public static Command Create()
    {
        var state = CommandOptions.Directory("--state", "The seeder's journal, where the plan is written", () => Defaults.SeedState);
        var url = CommandOptions.Url("--url", "The gateway (default: that of ./dev up)", () => Defaults.GatewayUrl);
        var messages = CommandOptions.List<long>("--messages", "Messages in each growing conversation", "1000,10000,100000,1000000", WholeNumber, "a whole number above zero");
        var files = CommandOptions.List<long>("--files", "Files of each growing owner", "100,1000,10000,100000", WholeNumber, "a whole number above zero");
        var graphUsers = CommandOptions.Count("--graph-users", "Alone: record the graph's size once the loader grew it", 1);
        var command = new Command("growth-plan", "The part of ./dev seed --growth that goes through the gateway (or, with --graph-users alone, records the graph's size).")
        {
            state, url, messages, files, graphUsers,
        };
        command.SetAction((parse, _) =>
        {
            var directory = parse.GetRequiredValue(state);
            if (parse.GetResult(graphUsers) is { Implicit: false } && parse.GetResult(messages) is null or { Implicit: true })
            {
                var recorded = GrowthPlan.Load(directory) ?? throw new InvalidOperationException($"No growth plan in {directory}: run growth-plan with --messages first.");
                (recorded with { GraphUsers = parse.GetValue(graphUsers) }).Save(directory);
                return Task.FromResult(0);
            }

            return PlanAsync(directory, parse.GetRequiredValue(url), parse.GetRequiredValue(messages), parse.GetRequiredValue(files));
        });
        return command;
    }

    private static long? WholeNumber(string text) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    private static async Task<int> PlanAsync(string state, Uri gatewayUrl, IReadOnlyList<long> messageSizes, IReadOnlyList<long> fileSizes)
    {
        var existing = GrowthPlan.Load(state);
        var journal = SeedJournal.TryLoad(state);
        if (journal?.Sizes is not { } sizes)
        {
            throw new InvalidOperationException($"No seeded data set in {state}: run `./dev seed` first.");
        }

        var seeded = new SeedPlan(sizes);
        // From the last seeded user backwards: readers and others of conversations, file owners, suggestion readers.
        var tail = Enumerable.Range(0, seeded.Users.Count).Reverse().Where(journal.Users.ContainsKey).ToList();
        var needed = (2 * messageSizes.Count) + fileSizes.Count + SuggestionReaders;
        if (tail.Count < needed + 32)
        {
            throw new InvalidOperationException($"The growth data needs {needed} seeded users beside the scenarios' 32: seed at least {needed + 32} users.");
        }

        using var gateway = LoadHttp.CreateClient(gatewayUrl);
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
}
