using System.Diagnostics;

namespace Tripmate.Load;

/// <summary>
/// Runs <paramref name="concurrency"/> closed-loop workers for a fixed time (after a warm-up that
/// is not measured) and records each request's latency. A request that throws or returns false
/// counts as an error; the run never retries, so errors stay visible.
/// </summary>
public static class LoadRun
{
    public static async Task<LoadResult> RunAsync(
        string name, int concurrency, TimeSpan warmUp, TimeSpan duration, Func<int, long, Task<bool>> request)
    {
        await RunWorkersAsync(concurrency, warmUp, request, record: null);

        var latencies = Enumerable.Range(0, concurrency).Select(_ => new List<double>(4096)).ToArray();
        var errors = new long[concurrency];
        var clock = Stopwatch.StartNew();
        await RunWorkersAsync(concurrency, duration, request, (worker, milliseconds, ok) =>
        {
            latencies[worker].Add(milliseconds);
            if (!ok)
            {
                errors[worker]++;
            }
        });
        var elapsed = clock.Elapsed;
        return LoadResult.From(name, concurrency, elapsed, latencies.SelectMany(l => l).ToArray(), errors.Sum());
    }

    private static Task RunWorkersAsync(int concurrency, TimeSpan length, Func<int, long, Task<bool>> request, Action<int, double, bool>? record)
    {
        var until = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (long iteration = 0; Stopwatch.GetTimestamp() < until; iteration++)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await request(worker, iteration);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    ok = false;
                }

                record?.Invoke(worker, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok);
            }
        })));
    }
}
