using System.Net.Http.Json;
using Tripmate.Gateway.Tests.EndToEnd;
using Tripmate.Load.Http;
using Tripmate.Load.Seeding;

namespace Tripmate.Load.Tests;

/// <summary>
/// The seeder against the real gateway, identity and messaging: seeding other sizes into a state
/// directory that already holds another plan's journal (what `./dev seed --users ...` after a default
/// `./dev seed` does) completes the new plan, and running it again adds nothing.
/// </summary>
public sealed class SeederTests(MessagingStack stack) : IClassFixture<MessagingStack>
{
    [Fact]
    public async Task Seeding_other_sizes_over_an_earlier_journal_completes_the_new_plan_and_a_second_run_adds_nothing()
    {
        var state = Directory.CreateTempSubdirectory("tripmate-seeder-").FullName;
        try
        {
            using var gateway = LoadHttp.CreateClient(stack.BaseAddress);
            var earlier = new SeedSizes(Users: 8, Groups: 2, Follows: 0, Messages: 40, Files: 0, Seed: 21);
            var larger = earlier with { Users = 14, Groups = 3, Messages = 90 };
            await new Seeder(gateway, earlier, state, concurrency: 4).RunAsync(CancellationToken.None);

            var seeder = new Seeder(gateway, larger, state, concurrency: 4);
            var journal = await seeder.RunAsync(CancellationToken.None);
            foreach (var group in seeder.Plan.Groups)
            {
                var members = await ReadAllAsync<MemberDto>(gateway, await SignInAsync(gateway, seeder.Plan, group.Owner), $"/api/groups/{journal.Groups[group.Index]}/members");
                var missing = group.Members.Select(m => journal.Users[m]).Except(members.Select(m => m.UserId)).ToList();
                Assert.True(missing.Count == 0, $"group {group.Index} of the larger plan lacks {missing.Count} of its {group.Members.Count} planned members");
            }

            var before = await MessageCountsAsync(gateway, seeder.Plan, journal);
            foreach (var conversation in seeder.Plan.Conversations)
            {
                var sent = await TextsAsync(gateway, await SignInAsync(gateway, seeder.Plan, conversation.Members[0]), journal.Conversations[conversation.Index]);
                var planned = seeder.Plan.Messages(conversation).Select(m => m.Text).ToList();
                var notSent = planned.Where(text => !sent.Remove(text)).ToList();
                Assert.True(notSent.Count == 0, $"conversation {conversation.Index} of the larger plan lacks {notSent.Count} of its {planned.Count} planned messages");
            }

            await new Seeder(gateway, larger, state, concurrency: 4).RunAsync(CancellationToken.None);
            Assert.Equal(before, await MessageCountsAsync(gateway, seeder.Plan, journal));
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    private static async Task<Dictionary<int, int>> MessageCountsAsync(HttpClient gateway, SeedPlan plan, SeedJournal journal)
    {
        var counts = new Dictionary<int, int>();
        foreach (var conversation in plan.Conversations)
        {
            var token = await SignInAsync(gateway, plan, conversation.Members[0]);
            counts[conversation.Index] = (await TextsAsync(gateway, token, journal.Conversations[conversation.Index])).Count;
        }

        return counts;
    }

    private static async Task<List<string>> TextsAsync(HttpClient gateway, string token, Guid conversation) =>
        (await ReadAllAsync<MessageDto>(gateway, token, $"/api/conversations/{conversation}/messages")).Select(m => m.Text ?? "").ToList();

    private static async Task<string> SignInAsync(HttpClient gateway, SeedPlan plan, int user) =>
        (await new SignIns(gateway, SeedPlan.Password).ForAsync(plan.Users[user].Email)).Token;

    private static async Task<List<T>> ReadAllAsync<T>(HttpClient gateway, string token, string path)
    {
        var items = new List<T>();
        string? cursor = null;
        do
        {
            using var response = await gateway.SendAsync(LoadHttp.Request(HttpMethod.Get,
                $"{path}?limit=100{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}", token));
            response.EnsureSuccessStatusCode();
            var page = (await response.Content.ReadFromJsonAsync<PageDto<T>>())!;
            items.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return items;
    }

    private sealed record MemberDto(Guid UserId);

    private sealed record MessageDto(string? Text);
}
