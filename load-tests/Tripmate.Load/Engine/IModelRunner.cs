namespace Tripmate.Load.Engine;

/// <summary>Drives a workload's iterations under one load model until its schedule or time ends.</summary>
public interface IModelRunner
{
    long InFlight { get; }

    /// <summary>Runs from <paramref name="start"/> (a Stopwatch timestamp) and returns once every started iteration ended.</summary>
    Task RunAsync(Workload workload, RunMetrics metrics, long start, CancellationToken cancellationToken);
}
