using System.Net;
using Tripmate.Load.Engine;
using Tripmate.Load.Http;

namespace Tripmate.Load.Scenarios;

/// <summary>
/// The requests a traveller makes through the gateway, each an <see cref="Operation"/> acting as
/// the feed's user for the iteration. Reads pick their target with a skew towards the head (u³ of
/// a uniform u: the most popular tenth of profiles gets nearly half the reads), as social reads do.
/// </summary>
public sealed class SocialRequests(HttpClient http, ScenarioFeed feed)
{
    public ScenarioFeed Feed => feed;

    public Operation Inbox(double weight) => Get("inbox", weight, i => "/api/conversations?limit=20");

    public Operation MessagePage(double weight) => Get("message-page", weight, i => $"/api/conversations/{ConversationOf(i)}/messages?limit=50");

    public Operation UnreadCount(double weight) => Get("unread-count", weight, _ => "/api/notifications/unread-count");

    public Operation Notifications(double weight) => Get("notifications", weight, _ => "/api/notifications?limit=20");

    public Operation Profile(double weight) => Get("profile", weight, i => $"/api/users/{PopularProfile(i)}");

    /// <summary>A profile read the cache cannot answer: the query string is part of the cache key, and each is new.</summary>
    public Operation ProfileUncached(double weight) => Get("profile-uncached", weight, i => $"/api/users/{PopularProfile(i)}?load={i}");

    /// <summary>The caller's own account: never cached, so every one travels the whole way to identity.</summary>
    public Operation OwnAccount(double weight) => Get("own-account", weight, _ => "/api/users/me");

    public Operation MyGroups(double weight) => Get("my-groups", weight, _ => "/api/groups?member=me&limit=20");

    public Operation GroupMembers(double weight) => Get("group-members", weight, i =>
        feed.UserFor(i).Groups is { Count: > 0 } groups ? $"/api/groups/{groups[Pick(i, groups.Count)]}/members?limit=50" : "/api/groups?member=me&limit=20");

    public Operation SearchUsers(double weight) => Get("search-users", weight, i => $"/api/users?query={SearchPrefixes[Pick(i, SearchPrefixes.Length)]}&limit=20");

    public Operation Send(double weight) => new("send", weight, (i, ct) =>
    {
        var user = feed.UserFor(i);
        return http.SendMeasuredAsync(LoadHttp.Request(HttpMethod.Post, $"/api/conversations/{ConversationOf(i)}/messages", user.Token,
            new { text = $"load message {i}: see you at the station" }), ct, HttpStatusCode.Created);
    });

    /// <summary>
    /// A send to the seeded full group: the message, its inbox update for every member and (through
    /// the outbox and the MessageSent consumer) a notification for each of them.
    /// </summary>
    public Operation SendToFullGroup(double weight) => new("send-full-group", weight, (i, ct) =>
    {
        var owner = feed.FullGroupOwner ?? throw new InvalidOperationException("The data set has no full group: seed with --groups 1 or more.");
        return http.SendMeasuredAsync(LoadHttp.Request(HttpMethod.Post, $"/api/conversations/{owner.Groups[0]}/messages", owner.Token,
            new { text = $"load message {i} to everyone" }), ct, HttpStatusCode.Created);
    });

    public Operation MarkRead(double weight) => new("mark-read", weight, (i, ct) =>
        http.SendMeasuredAsync(LoadHttp.Request(HttpMethod.Post, $"/api/conversations/{ConversationOf(i)}/read", feed.UserFor(i).Token), ct));

    public Operation Friends(double weight) => Get("friends", weight, i => $"/api/relationships/{feed.UserFor(i).Id}/friends?limit=20");

    public Operation Followers(double weight) => Get("followers", weight, i => $"/api/relationships/{PopularProfile(i)}/followers?limit=20");

    public Operation GraphStats(double weight) => Get("graph-stats", weight, i => $"/api/relationships/{PopularProfile(i)}/stats");

    public Operation Suggestions(double weight) => Get("suggestions", weight, _ => "/api/relationships/suggestions?limit=10");

    /// <summary>How the caller reaches a popular traveller; "no path within the depth" (404) is an answer too, not an error.</summary>
    public Operation Path(double weight) => new("path", weight, (i, ct) =>
        http.SendMeasuredAsync(LoadHttp.Request(HttpMethod.Get, $"/api/relationships/path/{feed.UserFor(i).Id}/{PopularProfile(i)}?maxDepth=4",
            feed.UserFor(i).Token), ct, HttpStatusCode.OK, HttpStatusCode.NotFound));

    /// <summary>A chat-sized upload (the plan's file sizes up to 1 MB), streamed as text.</summary>
    public Operation Upload(double weight) => new("upload", weight, (i, ct) =>
    {
        var request = LoadHttp.Request(HttpMethod.Post, "/api/files", feed.UserFor(i).Token);
        request.Content = GeneratedText.AsUpload(feed.SmallFileSizes[(int)(i % feed.SmallFileSizes.Count)], (int)(i % 64), $"load-{i}.txt");
        return http.SendMeasuredAsync(request, ct, HttpStatusCode.Created);
    });

    public Operation Download(double weight) => Get("download", weight, i =>
    {
        var files = feed.UserFor(i).Files;
        return $"/api/files/{files[Pick(i, files.Count)]}/content";
    });

    private static readonly string[] SearchPrefixes = ["al", "ma", "jo", "el", "da", "sa", "an", "li"];

    private Operation Get(string name, double weight, Func<long, string> path) => new(name, weight, (i, ct) =>
        http.SendMeasuredAsync(LoadHttp.Request(HttpMethod.Get, path(i), feed.UserFor(i).Token), ct));

    private Guid ConversationOf(long iteration)
    {
        var conversations = feed.UserFor(iteration).Conversations;
        return conversations[Pick(iteration, conversations.Count)];
    }

    private Guid PopularProfile(long iteration) => feed.PopularProfiles[Skewed(iteration, feed.PopularProfiles.Count)];

    private static int Pick(long iteration, int count) => (int)(Workload.UniformHash(iteration * 7919 + 17) * count);

    private static int Skewed(long iteration, int count) => (int)(Math.Pow(Workload.UniformHash(iteration * 104729 + 3), 3) * count);
}
