using Tripmate.Load.Engine;

namespace Tripmate.Load.Reporting;

/// <summary>
/// One run, as saved to JSON (and read back as a baseline) and rendered to Markdown and HTML.
/// Times are milliseconds, throughput is per second, latency is from the intended start.
/// </summary>
public sealed record RunResult(
    RunInfo Info,
    OperationResult Total,
    Percentiles ServiceTime,
    IReadOnlyList<OperationResult> Operations,
    ScheduleResult Schedule,
    IReadOnlyDictionary<string, long> ErrorsByStatus,
    IReadOnlyDictionary<string, long> ErrorsByException,
    IReadOnlyDictionary<string, long> Statuses,
    TrafficResult Traffic,
    GeneratorUsage Generator,
    IReadOnlyList<TimelinePoint> Timeline,
    IReadOnlyList<DistributionPoint> Distribution)
{
    public IReadOnlyList<ThresholdResult> Thresholds { get; init; } = [];

    public IReadOnlyList<BaselineDelta> Baseline { get; init; } = [];

    public bool Passed => Thresholds.All(t => t.Passed) && Baseline.All(b => !b.Regressed);
}

public sealed record RunInfo(string Scenario, string Model, string Target, DateTimeOffset StartedUtc, double MeasuredSeconds, double WarmUpSeconds, MachineInfo Machine);

public sealed record MachineInfo(string Host, int Cores, string Os, string Runtime)
{
    public static MachineInfo Current() => new(Environment.MachineName, Environment.ProcessorCount,
        System.Runtime.InteropServices.RuntimeInformation.OSDescription, System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
}

public sealed record Percentiles(double P50, double P75, double P90, double P95, double P99, double P999, double P9999, double Max, double Mean)
{
    public static Percentiles Of(HdrHistogram.HistogramBase histogram) => new(
        Round(histogram.PercentileMs(50)), Round(histogram.PercentileMs(75)), Round(histogram.PercentileMs(90)),
        Round(histogram.PercentileMs(95)), Round(histogram.PercentileMs(99)), Round(histogram.PercentileMs(99.9)),
        Round(histogram.PercentileMs(99.99)), Round(histogram.MaxMs()), Round(histogram.MeanMs()));

    internal static double Round(double value) => Math.Round(value, 3);
}

public sealed record OperationResult(string Name, long Count, long Errors, double Throughput, Percentiles Latency)
{
    public double ErrorPercent => Count == 0 ? 0 : 100.0 * Errors / Count;
}

/// <summary>How well the generator kept its schedule: late starts and dropped iterations are counted, not hidden.</summary>
public sealed record ScheduleResult(long Started, long Late, long Dropped, double OnTimePercent, double LateAfterMs, double LagP50, double LagP99, double LagMax);

public sealed record TrafficResult(long BytesIn, long BytesOut, double InPerSecond, double OutPerSecond);

public sealed record TimelinePoint(int Second, long Completed, long Errors, long Dropped, double P50, double P90, double P99, double Max, double GeneratorCpu);

public sealed record DistributionPoint(double Percentile, double LatencyMs);

public sealed record ThresholdResult(string Expression, double Actual, bool Passed);

public sealed record BaselineDelta(string Operation, double BaselineThroughput, double Throughput, double BaselineP50, double P50, double BaselineP99, double P99, bool Regressed);
