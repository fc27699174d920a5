using System.Diagnostics;
using Spectre.Console;

namespace Tripmate.Load.Engine;

/// <summary>
/// Once a second while a run goes on: what the schedule asks, what completes, the last second's
/// latency, errors, late and dropped starts, and the generator's own CPU (kept for the report's
/// timeline). A terminal gets a live table; redirected output gets a plain line every 5 s.
/// </summary>
internal sealed class LiveView(RunSettings settings, LoadModel model, RunMetrics metrics, IModelRunner runner, long start)
{
    private readonly Dictionary<int, double> _cpuBySecond = [];

    public IReadOnlyDictionary<int, double> GeneratorCpuBySecond => _cpuBySecond;

    public async Task ShowUntilAsync(Task running)
    {
        if (settings.Live && AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn("");
            await AnsiConsole.Live(table).StartAsync(async context =>
            {
                var previous = GeneratorUsage.Take();
                while (!running.IsCompleted)
                {
                    await Task.WhenAny(running, Task.Delay(1000));
                    previous = Sample(previous, out var cpu);
                    Fill(table, cpu);
                    context.Refresh();
                }
            });
            return;
        }

        var last = GeneratorUsage.Take();
        var tick = 0;
        while (!running.IsCompleted)
        {
            await Task.WhenAny(running, Task.Delay(1000));
            last = Sample(last, out var cpu);
            if (!settings.Quiet && ++tick % 5 == 0)
            {
                var (completed, errors, late, dropped, p50, p99) = metrics.Totals();
                Console.Error.WriteLine($"  {Phase()} {Elapsed():0}s: {completed} done, {errors} errors, {late} late, {dropped} dropped, " +
                                        $"p50 {p50:0.##} ms, p99 {p99:0.##} ms, in flight {runner.InFlight}, generator CPU {cpu:0}%");
            }
        }
    }

    private GeneratorUsage.Snapshot Sample(GeneratorUsage.Snapshot previous, out double cpu)
    {
        var now = GeneratorUsage.Take();
        cpu = now.Since(previous).CpuPercentOfMachine;
        var second = (int)((now.Timestamp - metrics.MeasureStart) / Stopwatch.Frequency);
        if (now.Timestamp >= metrics.MeasureStart)
        {
            _cpuBySecond[second] = cpu;
        }

        return now;
    }

    private void Fill(Table table, double cpu)
    {
        var intervals = metrics.Intervals();
        var last = intervals.Count > 1 ? intervals[^2] : intervals.LastOrDefault();
        var (completed, errors, late, dropped, p50, p99) = metrics.Totals();
        var target = model is OpenModel open ? $"{open.Schedule.RateAt(Elapsed()):0}/s" : $"{((ClosedModel)model).VirtualUsers} users";
        table.Rows.Clear();
        table.Title = new TableTitle($"{Markup.Escape(settings.Scenario)} → {Markup.Escape(settings.Target)}");
        table.AddRow("phase", $"{Phase()} {Elapsed():0} s of {(model.WarmUp + model.Measured).TotalSeconds:0} s");
        table.AddRow("target", target);
        table.AddRow("last second", last is null ? "-" : $"{last.Count}/s, p50 {last.Latency.PercentileMs(50):0.##} ms, p99 {last.Latency.PercentileMs(99):0.##} ms");
        table.AddRow("measured", $"{completed} done, p50 {p50:0.##} ms, p99 {p99:0.##} ms");
        table.AddRow("errors", errors == 0 ? "0" : $"[red]{errors}[/]");
        table.AddRow("late / dropped", $"{late} / {dropped}");
        table.AddRow("in flight", runner.InFlight.ToString());
        table.AddRow("generator CPU", cpu > 70 ? $"[red]{cpu:0}% (overloaded)[/]" : $"{cpu:0}%");
    }

    private double Elapsed() => Math.Max(0, Stopwatch.GetElapsedTime(start).TotalSeconds);

    private string Phase()
    {
        var now = Stopwatch.GetTimestamp();
        return now < metrics.MeasureStart ? "warm-up" : now < metrics.MeasureEnd ? "measuring" : "draining";
    }
}
