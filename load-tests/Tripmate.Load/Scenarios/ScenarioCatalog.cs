using Tripmate.Load.Engine;

namespace Tripmate.Load.Scenarios;

/// <summary>
/// The scenarios `run` knows, each a weighted set of requests through the gateway against the
/// seeded data set. Weights are per request (one request per iteration).
/// </summary>
public static class ScenarioCatalog
{
    public static readonly IReadOnlyDictionary<string, (string Description, Func<SocialRequests, Workload> Build)> All =
        new Dictionary<string, (string, Func<SocialRequests, Workload>)>
        {
            ["mixed"] = ("the social-app mix through the gateway (proportions: load-tests/README.md)", Mixed),
            ["identity"] = ("profiles (cached), own account, groups, search", r => new Workload("identity",
                [r.Profile(50), r.OwnAccount(20), r.MyGroups(15), r.GroupMembers(10), r.SearchUsers(5)])),
            ["messaging"] = ("inbox, message pages, sends, notifications", r => new Workload("messaging",
                [r.Inbox(25), r.MessagePage(25), r.Send(25), r.UnreadCount(15), r.Notifications(5), r.MarkRead(5)])),
            ["group-send"] = ("sends to the seeded full group (500 members by default: every member's inbox and notification)",
                r => new Workload("group-send", [r.SendToFullGroup(1)])),
            ["gateway"] = ("GET /api/users/me only: never cached, the proxy's pass-through cost (aim --url at identity or nginx to compare)",
                r => new Workload("gateway", [r.OwnAccount(1)])),
            ["cache-hit"] = ("public profile reads the gateway's Redis cache answers", r => new Workload("cache-hit", [r.Profile(1)])),
            ["cache-miss"] = ("the same reads with a new query string each, so every one misses", r => new Workload("cache-miss", [r.ProfileUncached(1)])),
            ["graph"] = ("friends, followers, counts, suggestions, paths (social-graph)", r => OptionalServices.Require(r.Feed.Services.SocialGraph, "social-graph",
                new Workload("graph", [r.Friends(25), r.Followers(20), r.GraphStats(20), r.Suggestions(20), r.Path(15)]))),
            ["files"] = ("small uploads and downloads (files)", r => OptionalServices.Require(r.Feed.Services.Files, "files",
                new Workload("files", [r.Upload(40), r.Download(60)]))),
        };

    /// <summary>
    /// Reads about 80%, writes 20% (sends and mark-read), of the requests of the services that exist:
    /// - LinkBench's production-derived mix (Facebook's social graph, config/FBWorkload.properties)
    ///   is 69% reads / 31% writes at the database, behind caches; TAO reports 99.8% reads at the
    ///   cache tier. An API gateway with a response cache sits between: most reads, a real share of writes.
    /// - Discord reported message reads and writes roughly even ("How Discord stores billions of
    ///   messages", 2017): message pages (17) against sends (15).
    /// - Inbox and notification polls are the most frequent calls of a chat client (each screen open);
    ///   profiles are the most read entity (LinkBench's getnode, 13%, is its largest node operation).
    /// - Graph queries (friends 5, suggestions 3, path 2) and small file transfers (uploads 2,
    ///   downloads 3) join the mix where the gateway reaches their services
    ///   (<see cref="OptionalServices"/>); without them the rest keeps these ratios among itself.
    /// </summary>
    private static Workload Mixed(SocialRequests r) => new("mixed",
    [
        r.Inbox(18), r.MessagePage(17), r.Send(15), r.UnreadCount(10), r.Notifications(5), r.MarkRead(5),
        r.Profile(15), r.OwnAccount(5), r.MyGroups(5), r.GroupMembers(5),
        .. OptionalServices.MixedOperations(r),
    ]);
}
