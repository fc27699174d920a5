using Tripmate.Load.Http;

namespace Tripmate.Load.Seeding;

/// <summary>
/// Fills a running system through the gateway's public API with the planned data set, resumably:
/// the journal in <c>stateDirectory</c> is saved every 2 s, at the end and on interruption.
/// </summary>
public sealed class Seeder(HttpClient gateway, SeedSizes sizes, string stateDirectory, int concurrency)
{
    public SeedPlan Plan { get; } = new(sizes);

    public async Task<SeedJournal> RunAsync(CancellationToken cancellationToken)
    {
        var journal = SeedJournal.Load(stateDirectory, sizes);
        var seed = new SeedContext(gateway, Plan, journal, new SignIns(gateway, SeedPlan.Password), concurrency);
        if (!await JournalMatchesServerAsync(seed))
        {
            Console.WriteLine("The journal describes another data set (the server's data was reset): starting over.");
            journal = new SeedJournal { Seed = sizes.Seed, Sizes = sizes };
            seed = seed with { Journal = journal };
        }

        using var saving = new CancellationTokenSource();
        var autosave = AutosaveAsync(journal, saving.Token);
        try
        {
            await new SeedProgress().RunAsync(async progress =>
            {
                var users = progress.Add("users", Plan.Users.Count);
                var groups = progress.Add("groups", Plan.Groups.Count);
                var members = progress.Add("group members", Plan.Groups.Sum(g => g.Members.Count));
                var conversations = progress.Add("conversations", Plan.Conversations.Count);
                var messages = progress.Add("messages", Plan.MessagesPerConversation.Sum());
                var follows = progress.Add("follows", Plan.Follows().Count());
                var files = progress.Add("files", sizes.Files);
                await UserSeeding.RunAsync(seed, users, cancellationToken);
                await GroupSeeding.RunAsync(seed, groups, members, cancellationToken);
                await MessageSeeding.RunAsync(seed, conversations, messages, cancellationToken);
                await FollowSeeding.RunAsync(seed, follows, ShapeOfFollows(), cancellationToken);
                await FileSeeding.RunAsync(seed, files, ShapeOfFiles(), cancellationToken);
            });
        }
        finally
        {
            await saving.CancelAsync();
            await autosave;
            journal.Save(stateDirectory);
        }

        return journal;
    }

    /// <summary>The first journaled user must still sign in with the same id; otherwise the server was wiped since.</summary>
    private static async Task<bool> JournalMatchesServerAsync(SeedContext seed)
    {
        if (!seed.Journal.Users.TryGetValue(0, out var expected))
        {
            return true;
        }

        try
        {
            return (await seed.TokenOfAsync(0)).Id == expected;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private async Task AutosaveAsync(SeedJournal journal, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(2000, stop).ContinueWith(_ => { }, TaskScheduler.Default);
            journal.Save(stateDirectory);
        }
    }

    private string ShapeOfFollows()
    {
        var inDegrees = Plan.Follows().GroupBy(f => f.Followee).Select(g => g.Count()).OrderDescending().ToList();
        return inDegrees.Count == 0 ? "none" : $"most followed has {inDegrees[0]}, median {inDegrees[inDegrees.Count / 2]}";
    }

    private string ShapeOfFiles()
    {
        var bytes = Plan.Files().Select(f => f.Bytes).Order().ToList();
        return bytes.Count == 0 ? "none" : $"median {bytes[bytes.Count / 2] / 1024} KB, largest {bytes[^1] / 1024} KB";
    }
}
