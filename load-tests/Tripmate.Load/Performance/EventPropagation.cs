using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using HdrHistogram;
using Tripmate.Load.Engine;
using Tripmate.Load.Http;
using Tripmate.Load.Reporting;

namespace Tripmate.Load.Performance;

/// <summary>
/// Item 3: a write in identity until the user it concerns sees it through messaging, pushed rather
/// than polled. Each iteration a group's owner adds a member (<c>POST /api/groups/{id}/members</c>:
/// identity writes the membership and its event in one transaction); identity's outbox, RabbitMQ,
/// messaging's consumer (the member joins the group's conversation and is notified), messaging's
/// fan-out, and the member's notification stream (SSE) through the gateway. Every write is timed
/// from its 201 to its notification's arrival: no sampling and no polling load, which in an
/// earlier version of this item (every fourth write polled every 5 ms) was itself what overloaded
/// the two cores. The members are the feed's signed-in users, each with one stream open throughout.
/// Measured at the goal's rate and at a lower one, so an overloaded machine still shows the
/// propagation itself beside what overload does to it.
/// </summary>
public static class EventPropagation
{
    private const double WarmUpSeconds = 3;
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(10);

    /// <summary>Each measured write's delay, by rate, for docs/performance/propagation.json.</summary>
    public sealed record Delays(double Rate, long Writes, long NotDelivered, double OnTimePercent, IReadOnlyList<double> DelaysMs);

    public static async Task<PartResult> RunAsync(PerformanceContext context, double goalRate, double lowRate, double seconds, string dataDirectory)
    {
        var low = await MeasureAsync(context, lowRate, seconds);
        await context.SettleAsync(TimeSpan.FromMinutes(1));
        var goal = await MeasureAsync(context, goalRate, seconds);
        ResultFiles.Save(dataDirectory, "propagation",
            new[] { low, goal }.Select(m => new Delays(m.Rate, m.Writes, m.Lost, m.Run.Schedule.OnTimePercent, m.DelaysMs)).ToList());
        var md = new StringBuilder();
        md.AppendLine($"`POST /api/groups/{{id}}/members` at a steady rate for {seconds:0} s (after {WarmUpSeconds:0} s warm-up), each write timed from its 201 " +
            $"until the added member's open notification stream (`/api/notifications/stream`, through the gateway) delivers it: identity's outbox → RabbitMQ → " +
            "messaging (conversation membership and notification) → messaging's fan-out → SSE.").AppendLine();
        md.AppendLine("| rate | measured | count | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | notes |").AppendLine("|---:|---|---:|---:|---:|---:|---:|---|");
        foreach (var m in new[] { low, goal })
        {
            var w = m.Run.Total.Latency;
            md.AppendLine($"| {m.Rate:0}/s | write (identity, through the gateway) | {m.Run.Total.Count} | {w.P50:0.0} | {w.P90:0.0} | {w.P99:0.0} | {w.Max:0} | {m.Run.Total.Errors} errors{(m.Run.ErrorsByStatus.Count == 0 ? "" : $" ({string.Join(", ", m.Run.ErrorsByStatus.Select(e => $"{e.Key}: {e.Value}"))})")}, {m.Run.Schedule.OnTimePercent:0.#}% on time, {m.Run.Total.Throughput:0.#}/s achieved |");
            md.AppendLine($"| {m.Rate:0}/s | 201 → pushed to the member by messaging | {m.Propagation.TotalCount} | {m.Propagation.PercentileMs(50):0.0} | {m.Propagation.PercentileMs(90):0.0} | {m.Propagation.PercentileMs(99):0.0} | {m.Propagation.MaxMs():0} | {m.Lost} not delivered {GiveUpAfter.TotalSeconds:0} s after the last write |");
        }

        md.AppendLine().AppendLine("CPU seconds each process used during each rate's run (warm-up and delivery of the last writes included): where a write's cost goes.").AppendLine();
        foreach (var m in new[] { low, goal })
        {
            md.AppendLine($"- {m.Rate:0}/s: {string.Join(", ", m.CpuSeconds.Where(c => c.Value > 0.05).OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value:0.#}"))}");
        }

        md.AppendLine().AppendLine("A write here touches every service that keeps a copy of group membership (messaging, files, social-graph) and the gateway's cache; " +
            "its CPU per write, measured at a rate where nothing queues, is goal 1's figure.");

        var p99 = goal.Propagation.PercentileMs(99);
        var onTime = goal.Run.Schedule.OnTimePercent;
        var met = p99 < 100 && onTime >= 95 && goal.Lost == 0 && goal.Run.Total.Errors == 0 && goal.Propagation.TotalCount > 0;
        return new PartResult("propagation", "Goal 2. Event propagation (identity → messaging → the member's stream)",
            [new Goal($"2. propagation p99 at {goalRate:0} writes/s, >= 95% of writes on time", "< 100 ms",
                $"{p99:0.0} ms, {onTime:0.#}% on time, over {goal.Propagation.TotalCount} writes, {goal.Lost} not delivered, {goal.Run.Total.Errors} failed writes " +
                $"(at {lowRate:0}/s: p99 {low.Propagation.PercentileMs(99):0.0} ms)", met)],
            md.ToString(), [low.Run, goal.Run]);
    }

    /// <param name="Writes">Writes that succeeded, warm-up included: what the CPU was spent on.</param>
    /// <param name="Seconds">Between the two CPU samples.</param>
    /// <param name="DelaysMs">Each measured write's delay from its 201 to its notification, in the order they arrived.</param>
    internal sealed record Measurement(double Rate, RunResult Run, LongHistogram Propagation, long Lost, IReadOnlyDictionary<string, double> CpuSeconds,
        long Writes, double Seconds, IReadOnlyList<double> DelaysMs);

    /// <param name="untilQuiet">
    /// Take the closing CPU sample once the processes are quiet (at most a minute), not when the last
    /// notification arrived: the other copies of a membership (files', social-graph's) may still be applied.
    /// </param>
    internal static async Task<Measurement> MeasureAsync(PerformanceContext context, double rate, double seconds, bool untilQuiet = false)
    {
        var http = context.ClientFor(context.Gateway);
        var owner = context.Feed.Users[0];
        var members = context.Feed.Users.Skip(1).ToList();
        var iterations = (long)Math.Ceiling(rate * (WarmUpSeconds + seconds));
        var groups = await CreateGroupsAsync(http, owner.Token, (int)(iterations / members.Count) + 1);

        var propagation = LatencyHistogram.Create();
        var pending = new ConcurrentDictionary<(Guid Group, Guid Member), long>(); // measured writes: 201 timestamp
        var early = new ConcurrentDictionary<(Guid Group, Guid Member), long>(); // arrivals that beat their 201 back
        var firstMeasured = (long)(rate * WarmUpSeconds); // iterations before it are the warm-up's

        var delays = new List<double>();
        var writes = 0L;

        void Record(long ticks)
        {
            lock (propagation)
            {
                propagation.Record(Math.Max(0, ticks));
                delays.Add(Math.Round(Math.Max(0, ticks) * 1000.0 / Stopwatch.Frequency, 3));
            }
        }

        using var stop = new CancellationTokenSource();
        await using var streams = await NotificationStreams.OpenAsync(context.Gateway, members.Select(m => (m.Id, m.Token)), (member, groupId) =>
        {
            var arrived = Stopwatch.GetTimestamp();
            if (pending.TryRemove((groupId, member), out var written))
            {
                Record(arrived - written);
            }
            else
            {
                early[(groupId, member)] = arrived;
            }
        }, stop.Token);

        var add = new Operation("add-member", 1, async (i, ct) =>
        {
            // Consecutive writes go to different groups: adds to one group take its row lock one at a time
            // (identity keeps the member count exact), and a real group does not gain 200 members a second.
            var (group, member) = (groups[(int)(i % groups.Count)], members[(int)(i / groups.Count % members.Count)]);
            var outcome = await http.SendMeasuredAsync(LoadHttp.Request(HttpMethod.Post, $"/api/groups/{group}/members", owner.Token, new { userId = member.Id }), ct);
            var written = Stopwatch.GetTimestamp();
            if (outcome.Ok)
            {
                Interlocked.Increment(ref writes);
            }

            if (outcome.Ok && i >= firstMeasured)
            {
                if (early.TryRemove((group, member.Id), out var arrived))
                {
                    Record(arrived - written); // delivered before the client read its 201: counts as no delay
                }
                else
                {
                    pending[(group, member.Id)] = written;
                }
            }

            return outcome;
        });
        var before = context.Processes.Take();
        var clock = Stopwatch.StartNew();
        var run = await PerformanceContext.RunAsync($"event-propagation-{rate:0}wps", context.Gateway, new Workload("event-propagation", [add]),
            PerformanceContext.FixedRate(rate, seconds, WarmUpSeconds));

        var deadline = Stopwatch.GetTimestamp() + (long)(GiveUpAfter.TotalSeconds * Stopwatch.Frequency);
        while (!pending.IsEmpty && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        if (untilQuiet)
        {
            await context.SettleAsync(TimeSpan.FromMinutes(1));
        }

        var cpu = ProcessUsage.CpuBetween(before, context.Processes.Take());
        return new Measurement(rate, run, propagation, pending.Count, cpu, writes, clock.Elapsed.TotalSeconds, delays);
    }

    /// <summary>Fresh groups of the owner, enough for every (group, member) pair the run adds once.</summary>
    private static async Task<IReadOnlyList<Guid>> CreateGroupsAsync(HttpClient http, string token, int count)
    {
        var created = new Guid[count];
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss");
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (g, ct) =>
        {
            var (outcome, group) = await http.SendForJsonAsync<IdDto>(LoadHttp.Request(HttpMethod.Post, "/api/groups", token,
                new { name = $"propagation {stamp} {g}", description = "event propagation measurement" }), ct);
            created[g] = group?.Id ?? throw new InvalidOperationException($"Creating a group for the propagation measurement answered {outcome.Status}.");
        });
        await Task.Delay(TimeSpan.FromSeconds(2)); // their creation events settle before the measured writes
        return created;
    }
}
