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
/// </summary>
public static class EventPropagation
{
    private const int SampleEvery = 4;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(10);

    public static async Task<PartResult> RunAsync(PerformanceContext context, double rate, double seconds)
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

        var p50 = propagation.PercentileMs(50);
        var p99 = propagation.PercentileMs(99);
        var md = new StringBuilder();
        md.AppendLine($"`POST /api/groups` at {rate:0}/s for {seconds:0} s (after {warmUp:0} s warm-up); every {SampleEvery}th group polled until messaging has its conversation.").AppendLine();
        md.AppendLine("| measured | count | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |").AppendLine("|---|---:|---:|---:|---:|---:|");
        md.AppendLine($"| write (identity, through the gateway) | {run.Total.Count} | {run.Total.Latency.P50:0.0} | {run.Total.Latency.P90:0.0} | {run.Total.Latency.P99:0.0} | {run.Total.Latency.Max:0.0} |");
        md.AppendLine($"| 201 → visible in messaging | {propagation.TotalCount} | {p50:0.0} | {propagation.PercentileMs(90):0.0} | {p99:0.0} | {propagation.MaxMs():0.0} |");
        md.AppendLine().AppendLine($"Writes: {run.Total.Errors} errors, {run.Schedule.OnTimePercent:0.#}% started on time, {run.Total.Throughput:0.#}/s achieved; {lost} probes gave up after {GiveUpAfter.TotalSeconds:0} s.");
        return new PartResult("part3", "3. Event propagation (identity → messaging)",
            [new Goal($"3. propagation p99 at {rate:0} writes/s", "< 100 ms", $"{p99:0.0} ms (p50 {p50:0.0} ms, {lost} lost)", p99 < 100 && lost == 0 && run.Total.Errors == 0)],
            md.ToString(), [run]);
    }
}
