using HdrHistogram;

namespace Tripmate.Load.Engine;

/// <summary>HdrHistogram of microseconds (1 µs to 10 min, 3 significant digits), read back in milliseconds.</summary>
public static class LatencyHistogram
{
    public const long HighestMicroseconds = 600_000_000;

    public static LongHistogram Create() => new(1, HighestMicroseconds, 3);

    public static void Record(this LongHistogram histogram, long stopwatchTicks)
    {
        var micros = Math.Clamp(stopwatchTicks * 1_000_000 / System.Diagnostics.Stopwatch.Frequency, 1, HighestMicroseconds);
        histogram.RecordValue(micros);
    }

    public static double PercentileMs(this HistogramBase histogram, double percentile) =>
        histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(percentile) / 1000.0;

    public static double MaxMs(this HistogramBase histogram) => histogram.TotalCount == 0 ? 0 : histogram.GetMaxValue() / 1000.0;

    public static double MeanMs(this HistogramBase histogram) => histogram.TotalCount == 0 ? 0 : histogram.GetMean() / 1000.0;
}
