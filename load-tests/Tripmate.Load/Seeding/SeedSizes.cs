namespace Tripmate.Load.Seeding;

/// <summary>
/// How much to seed. The defaults are `./dev seed`'s small set (under a minute on a fresh
/// `./dev up`); the full set is <c>--users 10000 --groups 500 --follows 100000 --messages 200000 --files 500</c>.
/// </summary>
public sealed record SeedSizes(int Users = 150, int Groups = 12, int Follows = 1500, int Messages = 1500, int Files = 40, int Seed = 13)
{
    /// <summary>Direct conversations: about one per 40 messages, at most three per user (most talk to a few people).</summary>
    public int DirectConversations => Users < 2 ? 0 : Math.Clamp(Messages / 40, 1, Users * 3);

    /// <summary>
    /// Names the plan these sizes make, e.g. <c>seed13-150u12g1500f1500m40d</c>. Groups, conversations,
    /// follows and files are numbered within a plan (group 3 of one plan is not group 3 of another), so
    /// the journal's progress and the keys that make sends and uploads idempotent carry it.
    /// </summary>
    public string PlanKey => $"seed{Seed}-{Users}u{Groups}g{Follows}f{Messages}m{Files}d";
}
