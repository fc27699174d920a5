using System.Diagnostics;

namespace Tripmate.Load.Engine;

/// <summary>
/// A fixed number of virtual users, each waiting for its previous iteration and its think time
/// before the next. Latency is from the end of the think time (when the user wanted to start),
/// so a late wake-up of the generator is counted against the system, not hidden.
/// </summary>
public sealed class ClosedModelRunner(ClosedModel model) : IModelRunner
{
    private long _inFlight;

    public long InFlight => Interlocked.Read(ref _inFlight);

    public Task RunAsync(Workload workload, RunMetrics metrics, long start, CancellationToken cancellationToken)
    {
        var end = metrics.MeasureEnd;
        var next = -1L;
        return Task.WhenAll(Enumerable.Range(0, model.VirtualUsers).Select(user => Task.Run(async () =>
        {
            var random = new Random(user);
            await WaitUntilAsync(start, cancellationToken);
            var intended = Stopwatch.GetTimestamp();
            while (intended < end && !cancellationToken.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref next);
                var started = Stopwatch.GetTimestamp();
                var operation = workload.Pick(index);
                Outcome? outcome = null;
                Exception? error = null;
                Interlocked.Increment(ref _inFlight);
                try
                {
                    outcome = await workload.Operations[operation].Run(index, cancellationToken);
                }
                catch (Exception e)
                {
                    error = e;
                }

                var ended = Stopwatch.GetTimestamp();
                Interlocked.Decrement(ref _inFlight);
                metrics.Record(operation, intended, started, ended, outcome, error);
                intended = ended + Think(random);
                await WaitUntilAsync(intended, cancellationToken);
            }
        }, cancellationToken)));
    }

    private long Think(Random random)
    {
        if (model.ThinkTime <= TimeSpan.Zero)
        {
            return 0;
        }

        var seconds = -Math.Log(1 - random.NextDouble()) * model.ThinkTime.TotalSeconds;
        return (long)(seconds * Stopwatch.Frequency);
    }

    private static async Task WaitUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (remaining > TimeSpan.Zero)
        {
            // A cancelled run ends here; the loop condition then stops the user.
            await Task.Delay(remaining, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }
}
