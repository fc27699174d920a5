using Bogus;

namespace Tripmate.Load.Seeding;

/// <summary>
/// The data set, decided before anything is sent: the same sizes and seed give the same users,
/// groups, conversations, messages, follows and files, which is what makes a second run (or a
/// resumed one) recognise what it already created. Each entity draws from its own seeded
/// generator, so growing one size does not reshuffle the others.
/// </summary>
public sealed class SeedPlan
{
    public const string Password = "seeded traveller password";
    public const int MaxGroupSize = 500; // identity's default Groups:MaxMembers

    public const int FullGroupIndex = 0;

    private readonly Zipf _activity;
    private readonly Zipf _popularity;

    public SeedPlan(SeedSizes sizes)
    {
        Sizes = sizes;
        // Who acts (sends, creates groups) and who is sought (followed, messaged): two independent Zipf rankings.
        _activity = new Zipf(Math.Max(1, sizes.Users), 0.9, sizes.Seed * 31 + 1);
        _popularity = new Zipf(Math.Max(1, sizes.Users), 1.1, sizes.Seed * 31 + 2);
        Users = Enumerable.Range(0, sizes.Users).Select(PlanUser).ToList();
        Groups = Enumerable.Range(0, sizes.Users < 3 ? 0 : sizes.Groups).Select(PlanGroup).ToList();
        var directs = Enumerable.Range(0, sizes.DirectConversations).Select(PlanDirect).ToList();
        Conversations = Groups.Select((g, i) => new PlannedConversation(i, g.Index, [g.Owner, .. g.Members]))
            .Concat(directs.Select((d, i) => new PlannedConversation(Groups.Count + i, null, d)))
            .ToList();
        MessagesPerConversation = SpreadMessages();
    }

    public SeedSizes Sizes { get; }

    public IReadOnlyList<PlannedUser> Users { get; }

    public IReadOnlyList<PlannedGroup> Groups { get; }

    public IReadOnlyList<PlannedConversation> Conversations { get; }

    public IReadOnlyList<int> MessagesPerConversation { get; }

    public static string Email(int user) => $"traveller{user:D6}@seed.tripmate.test";

    /// <summary>The messages of one conversation, in order: bursts of one sender, senders weighted by activity.</summary>
    public IEnumerable<PlannedMessage> Messages(PlannedConversation conversation)
    {
        var faker = Faker(4, conversation.Index);
        var count = MessagesPerConversation[conversation.Index];
        var sender = conversation.Members[0];
        for (var k = 0; k < count;)
        {
            var burst = Distributions.Burst(faker.Random, 3);
            for (var b = 0; b < burst && k < count; b++, k++)
            {
                yield return new PlannedMessage(conversation.Index, k, sender, Text(faker), $"{Sizes.PlanKey}-{conversation.Index}-{k}");
            }

            sender = conversation.Members[faker.Random.Int(0, conversation.Members.Count - 1)];
        }
    }

    /// <summary>
    /// Follows (social-graph, issue 11), each pair once: follower by activity, followee by popularity,
    /// so in-degrees follow a power law. A small user base saturates the head: then fewer are planned.
    /// </summary>
    public IEnumerable<(int Follower, int Followee)> Follows()
    {
        var random = new Randomizer(Sizes.Seed * 31 + 5);
        var seen = new HashSet<(int, int)>();
        for (var attempts = 0; seen.Count < Sizes.Follows && Sizes.Users > 1 && attempts < Sizes.Follows * 10; attempts++)
        {
            var pair = (_activity.Next(random), _popularity.Next(random));
            if (pair.Item1 != pair.Item2 && seen.Add(pair))
            {
                yield return pair;
            }
        }
    }

    /// <summary>Files (issue 12): owner by activity, size log-normal around 180 KB with a long tail, at most 100 MB.</summary>
    public IEnumerable<(int Owner, long Bytes, string Name)> Files()
    {
        var faker = Faker(6, 0);
        for (var i = 0; i < Sizes.Files && Sizes.Users > 0; i++)
        {
            yield return (_activity.Next(faker.Random), Distributions.LogNormal(faker.Random, 180 * 1024, 1.6, 100L << 20), faker.System.FileName());
        }
    }

    private PlannedUser PlanUser(int index)
    {
        var faker = Faker(1, index);
        return new PlannedUser(index, Email(index), faker.Name.FullName());
    }

    /// <summary>
    /// Group 0 is full (<see cref="MaxGroupSize"/> members, or every user): the largest fan-out a
    /// send can have, which the `group-send` scenario measures. The others follow a power law.
    /// </summary>
    private PlannedGroup PlanGroup(int index)
    {
        var faker = Faker(2, index);
        var owner = _activity.Next(faker.Random);
        var size = Distributions.Pareto(faker.Random, 3, 1.4, Math.Min(MaxGroupSize, Sizes.Users));
        if (index == FullGroupIndex)
        {
            var everyoneElse = Enumerable.Range(0, Sizes.Users).Where(u => u != owner).Take(MaxGroupSize - 1).ToList();
            return new PlannedGroup(index, owner, $"Everyone's trip #{index}", faker.Lorem.Sentence(8), everyoneElse);
        }

        var members = new List<int>();
        for (var attempts = 0; members.Count < size - 1 && attempts < size * 20; attempts++)
        {
            var member = _popularity.Next(faker.Random);
            if (member != owner && !members.Contains(member))
            {
                members.Add(member);
            }
        }

        var name = $"{faker.Address.City()} {faker.PickRandom("trip", "crew", "weekend", "hikers", "foodies", "road trip", "reunion")} #{index}";
        return new PlannedGroup(index, owner, name, faker.Lorem.Sentence(8), members);
    }

    private IReadOnlyList<int> PlanDirect(int index)
    {
        var random = Faker(3, index).Random;
        var a = _activity.Next(random);
        var b = _popularity.Next(random);
        return a != b ? [a, b] : [a, (a + 1) % Sizes.Users];
    }

    // Messages go to conversations by Zipf (a few busy chats, a long tail of quiet ones).
    private IReadOnlyList<int> SpreadMessages()
    {
        var counts = new int[Conversations.Count];
        if (counts.Length == 0)
        {
            return counts;
        }

        var busy = new Zipf(counts.Length, 0.7, Sizes.Seed * 31 + 4);
        var random = new Randomizer(Sizes.Seed * 31 + 3);
        for (var i = 0; i < Sizes.Messages; i++)
        {
            counts[busy.Next(random)]++;
        }

        return counts;
    }

    private static readonly DateTime TextEpoch = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private static string Text(Faker faker) => faker.Random.Int(0, 9) switch
    {
        // From a fixed date: Bogus's default is now, which made this text differ from one minute to the next.
        0 => $"Landing in {faker.Address.City()} at {faker.Date.Soon(refDate: TextEpoch).ToString("HH:mm")} ✈️",
        1 => $"Found a great place: {faker.Company.CompanyName()} on {faker.Address.StreetName()}",
        2 => faker.Rant.Review("trip"),
        < 6 => faker.Lorem.Sentence(faker.Random.Int(2, 14)),
        _ => faker.Hacker.Phrase(),
    };

    private Faker Faker(int kind, int index) => new() { Random = new Randomizer(unchecked(Sizes.Seed * 1_000_003 + kind * 7_919_993 + index)) };
}

public sealed record PlannedUser(int Index, string Email, string DisplayName);

public sealed record PlannedGroup(int Index, int Owner, string Name, string Description, IReadOnlyList<int> Members);

/// <summary>A group's conversation (<see cref="Group"/> set; its id is the group's) or a direct one between two users.</summary>
public sealed record PlannedConversation(int Index, int? Group, IReadOnlyList<int> Members);

/// <param name="IdempotencyKey">Messaging stores nothing twice for a repeated key: covers a send whose answer an interruption lost.</param>
public sealed record PlannedMessage(int Conversation, int Index, int Sender, string Text, string IdempotencyKey);
