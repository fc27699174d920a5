using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using HdrHistogram;
using Tripmate.Load.Engine;
using Tripmate.Load.Http;
using Tripmate.Load.Reporting;

namespace Tripmate.Load.Performance;

/// <summary>
/// Item 3: a write in identity until it is visible through messaging. Groups are created at a
/// steady rate (open model); for every fourth, from the moment its 201 arrives, the creator asks
/// messaging for the group's conversation every 5 ms through the gateway until it exists (identity's
/// outbox → RabbitMQ → messaging's consumer). The resolution is the poll interval plus one read.
/// Measured at the goal's rate and at a lower one, so an overloaded machine still shows the
/// propagation itself beside what overload does to it.
/// </summary>
public static class EventPropagation
{
    private const int SampleEvery = 4;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(10);

    public static async Task<PartResult> RunAsync(PerformanceContext context, double goalRate, double lowRate, double seconds)
    {
        var low = await MeasureAsync(context, lowRate, seconds);
        var goal = await MeasureAsync(context, goalRate, seconds);
        var md = new StringBuilder();
        md.AppendLine($"`POST /api/groups` at a steady rate for {seconds:0} s (after 3 s warm-up); every {SampleEvery}th group polled every {PollInterval.TotalMilliseconds:0} ms until messaging has its conversation.").AppendLine();
        md.AppendLine("| rate | measured | count | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | notes |").AppendLine("|---:|---|---:|---:|---:|---:|---:|---|");
        foreach (var m in new[] { low, goal })
        {
            var w = m.Run.Total.Latency;
            md.AppendLine($"| {m.Rate:0}/s | write (identity, through the gateway) | {m.Run.Total.Count} | {w.P50:0.0} | {w.P90:0.0} | {w.P99:0.0} | {w.Max:0} | {m.Run.Total.Errors} errors{(m.Run.ErrorsByStatus.Count == 0 ? "" : $" ({string.Join(", ", m.Run.ErrorsByStatus.Select(e => $"{e.Key}: {e.Value}"))})")}, {m.Run.Schedule.OnTimePercent:0.#}% on time, {m.Run.Total.Throughput:0.#}/s achieved |");
            md.AppendLine($"| {m.Rate:0}/s | 201 → visible in messaging | {m.Propagation.TotalCount} | {m.Propagation.PercentileMs(50):0.0} | {m.Propagation.PercentileMs(90):0.0} | {m.Propagation.PercentileMs(99):0.0} | {m.Propagation.MaxMs():0} | {m.Lost} probes gave up after {GiveUpAfter.TotalSeconds:0} s |");
        }

        var p99 = goal.Propagation.PercentileMs(99);
        var met = p99 < 100 && goal.Lost == 0 && goal.Run.Total.Errors == 0 && goal.Propagation.TotalCount > 0;
        return new PartResult("part3", "3. Event propagation (identity → messaging)",
            [new Goal($"3. propagation p99 at {goalRate:0} writes/s", "< 100 ms",
                $"{p99:0.0} ms from {goal.Propagation.TotalCount} probes, {goal.Lost} lost, {goal.Run.Total.Errors} failed writes (at {lowRate:0}/s: p99 {low.Propagation.PercentileMs(99):0.0} ms)", met)],
            md.ToString(), [low.Run, goal.Run]);
    }

    private sealed record Measurement(double Rate, RunResult Run, LongHistogram Propagation, long Lost);

    private static async Task<Measurement> MeasureAsync(PerformanceContext context, double rate, double seconds)
    {
        var http = context.ClientFor(context.Gateway);
        var propagation = LatencyHistogram.Create();
        var probes = new ConcurrentBag<Task>();
        long lost = 0;
        const double warmUp = 3;
        var measureFrom = Stopwatch.GetTimestamp() + (long)(warmUp * Stopwatch.Frequency);

        async Task ProbeAsync(Guid group, string token, long written)
        {
            while (Stopwatch.GetElapsedTime(written) < GiveUpAfter)
            {
                var outcome = await http.SendMeasuredAsync(LoadHttp.Request(HttpMethod.Get, $"/api/conversations/{group}", token), CancellationToken.None);
                if (outcome.Status == (int)HttpStatusCode.OK)
                {
                    lock (propagation)
                    {
                        propagation.Record(Stopwatch.GetTimestamp() - written);
                    }

                    return;
                }

                await Task.Delay(PollInterval);
            }

            Interlocked.Increment(ref lost);
        }

        var create = new Operation("create-group", 1, async (i, ct) =>
        {
            var user = context.Feed.UserFor(i);
            var (outcome, group) = await http.SendForJsonAsync<IdDto>(LoadHttp.Request(HttpMethod.Post, "/api/groups", user.Token,
                new { name = $"propagation {i}", description = "event propagation measurement" }), ct);
            var written = Stopwatch.GetTimestamp();
            if (group is not null && i % SampleEvery == 0 && written >= measureFrom)
            {
                probes.Add(ProbeAsync(group.Id, user.Token, written));
            }

            return outcome;
        });
        var run = await PerformanceContext.RunAsync($"event-propagation-{rate:0}wps", context.Gateway, new Workload("event-propagation", [create]),
            PerformanceContext.FixedRate(rate, seconds, warmUp));
        await Task.WhenAll(probes);

        return new Measurement(rate, run, propagation, lost);
    }
}
