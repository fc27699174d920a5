using Tripmate.Load.Http;
using Tripmate.Load.Seeding;

namespace Tripmate.Load.Commands;

/// <summary><c>seed [--users N] [--groups N] [--follows N] [--messages N] [--files N] [--seed N] [--concurrency N] [--url URL] [--state DIR]</c></summary>
public static class SeedCommand
{
    public static async Task<int> RunAsync(CommandLine line)
    {
        var defaults = new SeedSizes();
        var sizes = new SeedSizes(line.Int("--users", defaults.Users), line.Int("--groups", defaults.Groups), line.Int("--follows", defaults.Follows),
            line.Int("--messages", defaults.Messages), line.Int("--files", defaults.Files), line.Int("--seed", defaults.Seed));
        var url = new Uri(line.Text("--url", Defaults.GatewayUrl));
        var state = line.Text("--state", Defaults.SeedState);
        using var gateway = LoadHttp.CreateClient(url);
        using var interrupt = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupt.Cancel();
        };

        Console.WriteLine($"Seeding {url} (seed {sizes.Seed}): {sizes.Users} users, {sizes.Groups} groups, {sizes.Follows} follows, {sizes.Messages} messages, {sizes.Files} files; journal in {state}");
        var seeder = new Seeder(gateway, sizes, state, line.Int("--concurrency", 8));
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
