using System.Diagnostics;

namespace Tripmate.Load.Engine;

/// <summary>
/// The load generator's own CPU and GC over a window: a generator near its cores' limit, or
/// pausing often for GC, measures itself rather than the system, and the report says so.
/// </summary>
public sealed record GeneratorUsage(double CpuPercentOfMachine, double CpuSeconds, int Gen0, int Gen1, int Gen2, double GcPauseMs, double AllocatedMb)
{
    public static Snapshot Take()
    {
        using var process = Process.GetCurrentProcess();
        return new Snapshot(Stopwatch.GetTimestamp(), process.TotalProcessorTime, GC.CollectionCount(0), GC.CollectionCount(1),
            GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
    }

    /// <summary>Warn when the generator used more than this share of the machine: its own queueing then shows in the latencies.</summary>
    public bool Overloaded => CpuPercentOfMachine > 70;

    public sealed record Snapshot(long Timestamp, TimeSpan Cpu, int Gen0, int Gen1, int Gen2, TimeSpan Pause, long Allocated)
    {
        public GeneratorUsage Since(Snapshot start)
        {
            var wall = Stopwatch.GetElapsedTime(start.Timestamp, Timestamp).TotalSeconds;
            var cpu = (Cpu - start.Cpu).TotalSeconds;
            return new GeneratorUsage(
                wall <= 0 ? 0 : 100 * cpu / wall / Environment.ProcessorCount, cpu,
                Gen0 - start.Gen0, Gen1 - start.Gen1, Gen2 - start.Gen2,
                (Pause - start.Pause).TotalMilliseconds, (Allocated - start.Allocated) / 1048576.0);
        }
    }
}
