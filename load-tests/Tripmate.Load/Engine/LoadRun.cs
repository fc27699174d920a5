using System.Diagnostics;
using Tripmate.Load.Reporting;

namespace Tripmate.Load.Engine;

/// <param name="LateAfter">A start later than this after its intended time is "late" (on-time share).</param>
/// <param name="Live">Show the live terminal view (otherwise a line every 5 s on stderr, or nothing when quiet).</param>
public sealed record RunSettings(string Scenario, string Target, TimeSpan LateAfter, bool Live = true, bool Quiet = false);

/// <summary>Runs a workload under a load model and returns what it measured.</summary>
public static class LoadRun
{
    public static async Task<RunResult> RunAsync(Workload workload, LoadModel model, RunSettings settings, CancellationToken cancellationToken = default)
    {
        IModelRunner runner = model switch
        {
            OpenModel open => new OpenModelRunner(open),
            ClosedModel closed => new ClosedModelRunner(closed),
            _ => throw new ArgumentOutOfRangeException(nameof(model)),
        };
        var startedAt = DateTimeOffset.UtcNow;
        // A short lead, so the first intended start is not already behind when the dispatcher begins.
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 20;
        var measureStart = start + (long)(model.WarmUp.TotalSeconds * Stopwatch.Frequency);
        var metrics = new RunMetrics(workload.Operations.Select(o => o.Name).ToList(), measureStart, model.Measured, settings.LateAfter);

        var running = runner.RunAsync(workload, metrics, start, cancellationToken);
        var usage = MeasureGeneratorAsync(metrics, running);
        var view = new LiveView(settings, model, metrics, runner, start);
        await view.ShowUntilAsync(running);
        await running;

        return RunResultBuilder.Build(settings.Scenario, model, settings.Target, startedAt, metrics, await usage, view.GeneratorCpuBySecond);
    }

    private static async Task<GeneratorUsage> MeasureGeneratorAsync(RunMetrics metrics, Task running)
    {
        await DelayUntilAsync(metrics.MeasureStart, running);
        var first = GeneratorUsage.Take();
        await DelayUntilAsync(metrics.MeasureEnd, running);
        return GeneratorUsage.Take().Since(first);
    }

    private static Task DelayUntilAsync(long timestamp, Task orUntil)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        return wait > TimeSpan.Zero ? Task.WhenAny(Task.Delay(wait), orUntil) : Task.CompletedTask;
    }
}
