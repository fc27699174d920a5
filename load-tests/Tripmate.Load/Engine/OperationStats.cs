using HdrHistogram;

namespace Tripmate.Load.Engine;

/// <summary>One operation of a workload: its latencies and counts over the measured window.</summary>
public sealed class OperationStats(string name)
{
    public string Name { get; } = name;

    public LongHistogram Latency { get; } = LatencyHistogram.Create();

    public long Count { get; set; }

    public long Errors { get; set; }
}
