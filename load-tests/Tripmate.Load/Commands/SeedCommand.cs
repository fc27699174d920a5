using System.CommandLine;
using Tripmate.Load.Http;
using Tripmate.Load.Seeding;

namespace Tripmate.Load.Commands;

/// <summary><c>seed [--users N] [--groups N] [--follows N] [--messages N] [--files N] [--seed N] [--concurrency N] [--url URL] [--state DIR]</c></summary>
public static class SeedCommand
{
    public static Command Create()
    {
        var defaults = new SeedSizes();
        var users = CommandOptions.Count("--users", "Accounts to register", defaults.Users);
        var groups = CommandOptions.Count("--groups", "Groups to create", defaults.Groups, atLeast: 0);
        var follows = CommandOptions.Count("--follows", "Follows to make (power-law: a few popular people)", defaults.Follows, atLeast: 0);
        var messages = CommandOptions.Count("--messages", "Messages to send (bursty conversations)", defaults.Messages, atLeast: 0);
        var files = CommandOptions.Count("--files", "Files to upload and share", defaults.Files, atLeast: 0);
        var seed = CommandOptions.Count("--seed", "Random seed: the same seed and sizes make the same data", defaults.Seed, atLeast: 0);
        var concurrency = CommandOptions.Count("--concurrency", "Requests in flight", 8);
        var url = CommandOptions.Url("--url", "The gateway to seed (default: the gateway of ./dev up)", () => Defaults.GatewayUrl);
        var state = CommandOptions.Directory("--state", "The journal that makes a second run resume, and add nothing once complete", () => Defaults.SeedState);
        var command = new Command("seed", "Fill a running system with a small data set of realistic shape, through the gateway; resumable.")
        {
            users, groups, follows, messages, files, seed, concurrency, url, state,
        };
        command.SetAction((parse, _) => RunAsync(
            new SeedSizes(parse.GetValue(users), parse.GetValue(groups), parse.GetValue(follows), parse.GetValue(messages), parse.GetValue(files), parse.GetValue(seed)),
            parse.GetRequiredValue(url), parse.GetRequiredValue(state), parse.GetValue(concurrency)));
        return command;
    }

    private static async Task<int> RunAsync(SeedSizes sizes, Uri url, string state, int concurrency)
    {
        using var gateway = LoadHttp.CreateClient(url);
        using var interrupt = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupt.Cancel();
        };

        Console.WriteLine($"Seeding {url} (seed {sizes.Seed}): {sizes.Users} users, {sizes.Groups} groups, {sizes.Follows} follows, {sizes.Messages} messages, {sizes.Files} files; journal in {state}");
        var seeder = new Seeder(gateway, sizes, state, concurrency);
        var started = DateTime.UtcNow;
        try
        {
            await seeder.RunAsync(interrupt.Token);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("Interrupted; the journal is saved: run the same command again to go on.");
            return 130;
        }
        catch (RateLimited e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }

        Console.WriteLine($"Done in {(DateTime.UtcNow - started).TotalSeconds:0.#} s.");
        PrintAccounts(seeder.Plan, url);
        return 0;
    }

    private static void PrintAccounts(SeedPlan plan, Uri url)
    {
        // The busiest members of the busiest conversations: the accounts with the most to see.
        var busiest = plan.Conversations.OrderByDescending(c => plan.MessagesPerConversation[c.Index])
            .SelectMany(c => c.Members).Distinct().Take(3).Select(i => plan.Users[i]).ToList();
        if (busiest.Count == 0)
        {
            return;
        }

        Console.WriteLine($"Sign in as any seeded user, password \"{SeedPlan.Password}\", e.g.:");
        foreach (var user in busiest)
        {
            Console.WriteLine($"  {user.Email}  ({user.DisplayName})");
        }

        Console.WriteLine($"""
            Try (README, "Load tests"):
              TOKEN=$(curl -s {url}api/auth/login -H 'Content-Type: application/json' \
                -d '{"{"}"email":"{busiest[0].Email}","password":"{SeedPlan.Password}"{"}"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
              curl -s {url}api/conversations -H "Authorization: Bearer $TOKEN"
            """);
    }
}
