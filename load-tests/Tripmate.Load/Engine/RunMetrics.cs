using System.Diagnostics;
using HdrHistogram;

namespace Tripmate.Load.Engine;

/// <summary>
/// Everything a run records, for the iterations intended inside the measured window (warm-up and
/// anything after the window are run but not counted). Latency is from the intended start (the
/// schedule's time in an open model, the end of think time in a closed one), so time an iteration
/// spent waiting for the generator or for a stalled server is in it; service time (from the actual
/// start) is kept beside it to show the difference. One lock: recording is cheap next to a request.
/// </summary>
public sealed class RunMetrics
{
    private readonly object _gate = new();
    private readonly long _lateAfterTicks;
    private readonly OperationStats[] _operations;
    private readonly List<IntervalStats> _intervals = [];

    public RunMetrics(IReadOnlyList<string> operations, long measureStart, TimeSpan measured, TimeSpan lateAfter)
    {
        _operations = operations.Select(name => new OperationStats(name)).ToArray();
        MeasureStart = measureStart;
        MeasureEnd = measureStart + (long)(measured.TotalSeconds * Stopwatch.Frequency);
        LateAfter = lateAfter;
        _lateAfterTicks = (long)(lateAfter.TotalSeconds * Stopwatch.Frequency);
    }

    public long MeasureStart { get; }

    public long MeasureEnd { get; }

    public TimeSpan LateAfter { get; }

    public LongHistogram Latency { get; } = LatencyHistogram.Create();

    public LongHistogram ServiceTime { get; } = LatencyHistogram.Create();

    public LongHistogram ScheduleLag { get; } = LatencyHistogram.Create();

    public Dictionary<int, long> Statuses { get; } = [];

    public Dictionary<int, long> ErrorStatuses { get; } = [];

    public Dictionary<string, long> Exceptions { get; } = [];

    public IReadOnlyList<OperationStats> Operations => _operations;

    public long Started { get; private set; }

    public long Completed { get; private set; }

    public long Errors { get; private set; }

    public long Late { get; private set; }

    public long Dropped { get; private set; }

    public long BytesIn { get; private set; }

    public long BytesOut { get; private set; }

    /// <summary>When the last measured iteration ended (for throughput when completions outlast the window).</summary>
    public long LastCompletion { get; private set; }

    public bool IsMeasured(long intended) => intended >= MeasureStart && intended < MeasureEnd;

    public void Record(int operation, long intended, long started, long ended, Outcome? outcome, Exception? error)
    {
        if (!IsMeasured(intended))
        {
            return;
        }

        var ok = error is null && outcome is { Ok: true };
        var lag = Math.Max(0, started - intended);
        lock (_gate)
        {
            Started++;
            Completed++;
            Latency.Record(ended - intended);
            ServiceTime.Record(ended - started);
            ScheduleLag.Record(lag);
            if (lag > _lateAfterTicks)
            {
                Late++;
            }

            var op = _operations[operation];
            op.Latency.Record(ended - intended);
            op.Count++;
            var interval = IntervalAt(ended);
            interval.Latency.Record(ended - intended);
            interval.Count++;
            if (outcome is { } o)
            {
                Statuses[o.Status] = Statuses.GetValueOrDefault(o.Status) + 1;
                BytesIn += o.BytesIn;
                BytesOut += o.BytesOut;
                interval.BytesIn += o.BytesIn;
                interval.BytesOut += o.BytesOut;
                if (!ok)
                {
                    ErrorStatuses[o.Status] = ErrorStatuses.GetValueOrDefault(o.Status) + 1;
                }
            }

            if (error is not null)
            {
                var name = Describe(error);
                Exceptions[name] = Exceptions.GetValueOrDefault(name) + 1;
            }

            if (!ok)
            {
                Errors++;
                op.Errors++;
                interval.Errors++;
            }

            LastCompletion = Math.Max(LastCompletion, ended);
        }
    }

    /// <summary>An iteration the generator could not start (too many in flight): counted, never hidden.</summary>
    public void RecordDropped(long intended)
    {
        if (!IsMeasured(intended))
        {
            return;
        }

        lock (_gate)
        {
            Dropped++;
            IntervalAt(Math.Max(intended, MeasureStart)).Dropped++;
        }
    }

    /// <summary>A copy of the per-second intervals so far (by completion time, from the window's start).</summary>
    public IReadOnlyList<IntervalStats> Intervals()
    {
        lock (_gate)
        {
            return _intervals.Select(i => i.Copy()).ToList();
        }
    }

    /// <summary>A consistent copy of the totals, for the live view.</summary>
    public (long Completed, long Errors, long Late, long Dropped, double P50, double P99) Totals()
    {
        lock (_gate)
        {
            return (Completed, Errors, Late, Dropped, Latency.PercentileMs(50), Latency.PercentileMs(99));
        }
    }

    internal static string Describe(Exception error)
    {
        var inner = error is HttpRequestException { HttpRequestError: var kind and not HttpRequestError.Unknown } ? $" ({kind})" : "";
        return error switch
        {
            TaskCanceledException { InnerException: TimeoutException } => "Timeout",
            _ => error.GetType().Name + inner,
        };
    }

    private IntervalStats IntervalAt(long timestamp)
    {
        var index = (int)Math.Max(0, (timestamp - MeasureStart) / Stopwatch.Frequency);
        while (_intervals.Count <= index)
        {
            _intervals.Add(new IntervalStats(_intervals.Count));
        }

        return _intervals[index];
    }
}
