using System.Collections.Concurrent;
using System.Text.Json;

namespace Tripmate.Load.Seeding;

/// <summary>
/// What a seeding run has created so far, by plan index, saved as JSON every few seconds and at
/// the end (also on Ctrl-C): the next run skips what it lists. It is also the scenarios' data feed
/// (who exists, which conversations they share). The window between a create and the next save is
/// covered by the API itself: a repeated registration is a 409 (then the id comes from signing in),
/// a group is looked up by name before it is created, and messages carry idempotency keys.
/// </summary>
public sealed class SeedJournal
{
    public int Seed { get; set; }

    /// <summary>The sizes of the last run, so the scenarios can rebuild the plan the journal indexes into.</summary>
    public SeedSizes? Sizes { get; set; }

    public ConcurrentDictionary<int, Guid> Users { get; set; } = [];

    public ConcurrentDictionary<int, Guid> Groups { get; set; } = [];

    /// <summary>Per group: how many of its planned members were added (in plan order).</summary>
    public ConcurrentDictionary<int, int> MembersAdded { get; set; } = [];

    /// <summary>Per conversation: its id once known.</summary>
    public ConcurrentDictionary<int, Guid> Conversations { get; set; } = [];

    /// <summary>Per conversation: how many of its planned messages were sent (in plan order).</summary>
    public ConcurrentDictionary<int, int> MessagesSent { get; set; } = [];

    /// <summary>How many of the planned follows (in plan order) are done; follows are idempotent, so a batch cut short is sent again.</summary>
    public int FollowsDone { get; set; }

    /// <summary>Per planned file: its id once uploaded.</summary>
    public ConcurrentDictionary<int, Guid> Files { get; set; } = [];

    public static string PathIn(string directory) => System.IO.Path.Combine(directory, "seed-journal.json");

    /// <summary>
    /// The journal of the plan <paramref name="sizes"/> make. A journal of another plan (other sizes or
    /// seed) gives only its users, when of the same seed: user i is the same person whatever the sizes,
    /// while everything else is numbered within its plan and is looked up or made again (the API makes
    /// that safe: groups are found by name, follows are idempotent, sends and files carry the plan key).
    /// </summary>
    public static SeedJournal Load(string directory, SeedSizes sizes)
    {
        var fresh = new SeedJournal { Seed = sizes.Seed, Sizes = sizes };
        if (TryLoad(directory) is not { } journal)
        {
            return fresh;
        }

        if (journal.Sizes == sizes)
        {
            return journal;
        }

        if (journal.Seed == sizes.Seed)
        {
            fresh.Users = journal.Users;
        }

        return fresh;
    }

    /// <summary>The journal in <paramref name="directory"/> whatever its seed, or null when there is none.</summary>
    public static SeedJournal? TryLoad(string directory) =>
        File.Exists(PathIn(directory)) ? JsonSerializer.Deserialize<SeedJournal>(File.ReadAllText(PathIn(directory))) : null;

    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var json = JsonSerializer.Serialize(this);

        // Written aside and moved, so an interruption mid-write never leaves half a journal.
        var path = PathIn(directory);
        File.WriteAllText(path + ".tmp", json);
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
