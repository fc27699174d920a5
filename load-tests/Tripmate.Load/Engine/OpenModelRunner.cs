using System.Diagnostics;

namespace Tripmate.Load.Engine;

/// <summary>
/// Starts each iteration at its scheduled time from one dedicated dispatcher thread, hands it to
/// the thread pool and never waits for it, so a slow or stalled server cannot slow the arrivals
/// (the coordinated omission of closed-loop timers). The pool picking the work up late shows as
/// schedule lag, and counts in the latency, which is measured from the schedule's time.
/// </summary>
public sealed class OpenModelRunner(OpenModel model) : IModelRunner
{
    private long _inFlight;

    public long InFlight => Interlocked.Read(ref _inFlight);

    public Task RunAsync(Workload workload, RunMetrics metrics, long start, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var dispatcher = new Thread(() =>
        {
            try
            {
                Dispatch(workload, metrics, start, cancellationToken);
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        { IsBackground = true, Name = "open-model dispatcher", Priority = ThreadPriority.AboveNormal };
        dispatcher.Start();
        return WaitForDrainAsync(done.Task);
    }

    private void Dispatch(Workload workload, RunMetrics metrics, long start, CancellationToken cancellationToken)
    {
        long index = 0;
        foreach (var offset in model.Schedule.Offsets())
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            var intended = start + (long)(offset * Stopwatch.Frequency);
            WaitUntil(intended);
            if (Interlocked.Read(ref _inFlight) >= model.MaxInFlight)
            {
                metrics.RecordDropped(intended);
                index++;
                continue;
            }

            Interlocked.Increment(ref _inFlight);
            var iteration = new Iteration(this, workload, metrics, index++, intended, cancellationToken);
            ThreadPool.UnsafeQueueUserWorkItem(static it => _ = it.RunAsync(), iteration, preferLocal: false);
        }
    }

    // Sleeps while the next start is a millisecond or more away, then yields: a start is at most
    // about a millisecond late from this loop, without burning a core the server needs.
    private static void WaitUntil(long intended)
    {
        while (true)
        {
            var remaining = intended - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }

            if (remaining * 1000 / Stopwatch.Frequency >= 2)
            {
                Thread.Sleep(1);
            }
            else
            {
                Thread.Yield();
            }
        }
    }

    private async Task WaitForDrainAsync(Task dispatching)
    {
        await dispatching;
        while (Interlocked.Read(ref _inFlight) > 0)
        {
            await Task.Delay(10);
        }
    }

    private sealed class Iteration(OpenModelRunner runner, Workload workload, RunMetrics metrics, long index, long intended, CancellationToken cancellationToken)
    {
        public async Task RunAsync()
        {
            var started = Stopwatch.GetTimestamp();
            var operation = workload.Pick(index);
            Outcome? outcome = null;
            Exception? error = null;
            try
            {
                outcome = await workload.Operations[operation].Run(index, cancellationToken);
            }
            catch (Exception e)
            {
                error = e;
            }
            finally
            {
                metrics.Record(operation, intended, started, Stopwatch.GetTimestamp(), outcome, error);
                Interlocked.Decrement(ref runner._inFlight);
            }
        }
    }
}
