using HdrHistogram;

namespace Tripmate.Load.Engine;

/// <summary>One second of a run: what completed in it.</summary>
public sealed class IntervalStats(int second)
{
    public int Second { get; } = second;

    public LongHistogram Latency { get; private init; } = LatencyHistogram.Create();

    public long Count { get; set; }

    public long Errors { get; set; }

    public long Dropped { get; set; }

    public long BytesIn { get; set; }

    public long BytesOut { get; set; }

    public IntervalStats Copy() => new(Second)
    {
        Latency = (LongHistogram)Latency.Copy(),
        Count = Count,
        Errors = Errors,
        Dropped = Dropped,
        BytesIn = BytesIn,
        BytesOut = BytesOut,
    };
}
