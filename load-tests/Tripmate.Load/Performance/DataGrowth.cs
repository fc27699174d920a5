using System.Globalization;
using System.Text;
using System.Text.Json;
using Tripmate.Load.Engine;
using Tripmate.Load.Http;
using Tripmate.Load.Reporting;
using Tripmate.Load.Seeding;

namespace Tripmate.Load.Performance;

/// <summary>
/// Goal 6: how a read's p99 grows with the data behind it, through the gateway: a message page of
/// conversations holding 10^3 .. 10^6 messages, the file list of people owning 10^2 .. 10^5 files,
/// and suggestions with 10^4 and then 10^5 users in the graph. The data is seeded by
/// `./dev seed --growth` (the plan in <see cref="GrowthPlan"/>); each read carries a query string of
/// its own, so the gateway's cache never answers it and every one reaches the store. Each size is
/// measured at the same modest rate, so what grows is the read's own cost, not queueing.
/// </summary>
public static class DataGrowth
{
    public const double Rate = 20;

    public sealed record Point(string Measure, long Size, double P50Ms, double P99Ms, long Count, long Errors, DateTimeOffset MeasuredAt);

    /// <summary>The goal of each measure: the p99 at <c>To</c> at most <c>Ratio</c> times the p99 at <c>From</c>.</summary>
    public static readonly IReadOnlyDictionary<string, (long From, long To, double Ratio, string Text, string Unit)> Goals =
        new Dictionary<string, (long, long, double, string, string)>
        {
            ["message-page"] = (1_000, 1_000_000, 1.2, "within 20% from 10^3 to 10^6 messages in one conversation", "messages in the conversation"),
            ["suggestions"] = (10_000, 100_000, 2.0, "less than 2x from 10^4 to 10^5 users", "users in the graph"),
            ["file-list"] = (100, 100_000, 1.2, "within 20% from 10^2 to 10^5 files of one person", "files of the person"),
        };

    public static async Task<PartResult> RunAsync(PerformanceContext context, string state, string dataDirectory, IReadOnlyCollection<string> measures)
    {
        var plan = GrowthPlan.Load(state) ?? throw new InvalidOperationException($"No growth data in {state}: run `./dev seed --growth` first.");
        var http = context.ClientFor(context.Gateway);
        var signIns = new SignIns(http, SeedPlan.Password);
        var points = (ResultFiles.Load<List<Point>>(dataDirectory, "growth") ?? []).ToList();
        var runs = new List<RunResult>();

        async Task MeasureAsync(string measure, long size, string email, Func<long, string> path)
        {
            var (_, token) = await signIns.ForAsync(email);
            var operation = new Operation(measure, 1, (i, ct) => http.SendMeasuredAsync(LoadHttp.Request(HttpMethod.Get, path(i), token), ct));
            var run = await PerformanceContext.RunAsync($"growth-{measure}-{size}", context.Gateway, new Workload(measure, [operation]),
                PerformanceContext.FixedRate(Rate, 10, warmUp: 2));
            runs.Add(run);
            points.RemoveAll(p => p.Measure == measure && p.Size == size);
            points.Add(new Point(measure, size, run.Total.Latency.P50, run.Total.Latency.P99, run.Total.Count, run.Total.Errors, DateTimeOffset.UtcNow));
        }

        if (measures.Contains("message-page"))
        {
            foreach (var c in plan.Conversations.OrderBy(c => c.Messages))
            {
                await MeasureAsync("message-page", c.Messages, c.ReaderEmail, i => $"/api/conversations/{c.ConversationId}/messages?limit=50&load={i}");
            }
        }

        if (measures.Contains("file-list"))
        {
            foreach (var o in plan.FileOwners.OrderBy(o => o.Files))
            {
                await MeasureAsync("file-list", o.Files, o.Email, i => $"/api/files?limit=50&load={i}");
            }
        }

        if (measures.Contains("suggestions") && plan.GraphUsers > 0)
        {
            var readers = plan.SuggestionReaderEmails;
            var tokens = await Task.WhenAll(readers.Select(signIns.ForAsync));
            var operation = new Operation("suggestions", 1, (i, ct) => http.SendMeasuredAsync(
                LoadHttp.Request(HttpMethod.Get, $"/api/relationships/suggestions?limit=20&load={i}", tokens[(int)(i % tokens.Length)].Token), ct));
            var run = await PerformanceContext.RunAsync($"growth-suggestions-{plan.GraphUsers}", context.Gateway, new Workload("suggestions", [operation]),
                PerformanceContext.FixedRate(Rate, 10, warmUp: 2));
            runs.Add(run);
            points.RemoveAll(p => p.Measure == "suggestions" && p.Size == plan.GraphUsers);
            points.Add(new Point("suggestions", plan.GraphUsers, run.Total.Latency.P50, run.Total.Latency.P99, run.Total.Count, run.Total.Errors, DateTimeOffset.UtcNow));
        }

        points = [.. points.OrderBy(p => p.Measure, StringComparer.Ordinal).ThenBy(p => p.Size)];
        ResultFiles.Save(dataDirectory, "growth", points);
        foreach (var measure in Goals.Keys)
        {
            File.WriteAllText(Path.Combine(dataDirectory, $"growth-{measure}.svg"), Chart(measure, points.Where(p => p.Measure == measure).ToList()).RenderFile());
        }

        return Report(points, runs);
    }

    public static PartResult Report(IReadOnlyList<Point> points, IReadOnlyList<RunResult> runs)
    {
        var md = new StringBuilder();
        md.AppendLine($"Reads through the gateway at {Rate:0}/s for 10 s per size (after 2 s warm-up), each with a query string of its own so the gateway's cache never answers; " +
            "data seeded by `./dev seed --growth` (load-tests/README.md). A point measured in an earlier run keeps its date.").AppendLine();
        var goals = new List<Goal>();
        foreach (var (measure, goal) in Goals)
        {
            var series = points.Where(p => p.Measure == measure).OrderBy(p => p.Size).ToList();
            md.AppendLine($"**{measure}** ({goal.Unit}): ![{measure} p99 by size](performance/growth-{measure}.svg)").AppendLine();
            md.AppendLine("| size | p50 (ms) | p99 (ms) | requests | errors | measured |").AppendLine("|---:|---:|---:|---:|---:|---|");
            foreach (var p in series)
            {
                md.AppendLine($"| {p.Size:N0} | {p.P50Ms:0.00} | {p.P99Ms:0.00} | {p.Count} | {p.Errors} | {p.MeasuredAt:yyyy-MM-dd HH:mm} |");
            }

            md.AppendLine();
            var (first, last) = (series.FirstOrDefault(), series.LastOrDefault());
            var ratio = first is null || last is null || first == last || first.P99Ms <= 0 ? (double?)null : last.P99Ms / first.P99Ms;
            // Met only over the goal's whole range: a range cut short measures less, whatever its ratio.
            var whole = first?.Size <= goal.From && last?.Size >= goal.To;
            goals.Add(new Goal($"6. {measure} p99 growth", goal.Text,
                (ratio is { } r ? $"{r:0.00}x ({first!.Size:N0}: {first.P99Ms:0.0} ms → {last!.Size:N0}: {last.P99Ms:0.0} ms)" : "not measured at two sizes") +
                (whole ? "" : $"; the range stops short of {goal.From:N0} to {goal.To:N0}"),
                ratio is { } x && whole && series.All(p => p.Errors == 0) && x <= goal.Ratio));
        }

        return new PartResult("growth", "Goal 6. Growth with data volume", goals, md.ToString(), runs);
    }

    private static SvgChart Chart(string measure, IReadOnlyList<Point> series) =>
        new SvgChart($"{measure}: latency by data size", $"{Goals[measure].Unit} (log scale)", "ms")
        {
            XTicks = series.Select(p => (Math.Log10(p.Size), p.Size.ToString("N0", CultureInfo.InvariantCulture))).ToList(),
        }
        .Line("p99", "#c0392b", series.Select(p => (Math.Log10(p.Size), p.P99Ms)))
        .Line("p50", "#2471a3", series.Select(p => (Math.Log10(p.Size), p.P50Ms)));
}

/// <summary>
/// What `./dev seed --growth` made, kept beside the seed journal (<c>growth.json</c>): conversations
/// of each size with a member who reads them, people owning each number of files, and the users
/// the graph holds now (it only grows: 10^4 first, measured, then 10^5).
/// </summary>
public sealed record GrowthPlan(
    IReadOnlyList<GrowthPlan.Conversation> Conversations,
    IReadOnlyList<GrowthPlan.FileOwner> FileOwners,
    IReadOnlyList<string> SuggestionReaderEmails,
    long GraphUsers)
{
    public sealed record Conversation(long Messages, Guid ConversationId, string ReaderEmail, Guid ReaderId, Guid OtherId);

    public sealed record FileOwner(long Files, string Email, Guid UserId);

    public const string FileName = "growth.json";

    public static GrowthPlan? Load(string state) =>
        File.Exists(Path.Combine(state, FileName)) ? JsonSerializer.Deserialize<GrowthPlan>(File.ReadAllText(Path.Combine(state, FileName)), JsonReport.Options) : null;

    public void Save(string state)
    {
        Directory.CreateDirectory(state);
        File.WriteAllText(Path.Combine(state, FileName), JsonSerializer.Serialize(this, JsonReport.Options));
    }
}
