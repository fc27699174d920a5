using Spectre.Console;

namespace Tripmate.Load.Seeding;

/// <summary>
/// One progress bar per kind of data (Spectre.Console) on a terminal; on redirected output, a line
/// per kind every 5 s and when it ends.
/// </summary>
public sealed class SeedProgress
{
    private readonly List<Step> _steps = [];

    public async Task RunAsync(Func<SeedProgress, Task> seeding)
    {
        if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
        {
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var running = seeding(this);
                    var bars = new Dictionary<Step, ProgressTask>();
                    while (!running.IsCompleted)
                    {
                        await Task.WhenAny(running, Task.Delay(200));
                        Update(context, bars);
                    }

                    Update(context, bars);
                    await running;
                });
            return;
        }

        var work = seeding(this);
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(5000));
            foreach (var step in _steps.Where(s => !s.Reported && (s.Done > 0 || s.Finished)))
            {
                Console.WriteLine($"  {step.Name}: {step.Done}/{step.Total}{(step.Note is null ? "" : $" ({step.Note})")}");
                step.Reported = step.Finished;
            }
        }

        await work;
    }

    public Step Add(string name, long total)
    {
        var step = new Step(name, total);
        lock (_steps)
        {
            _steps.Add(step);
        }

        return step;
    }

    private void Update(ProgressContext context, Dictionary<Step, ProgressTask> bars)
    {
        lock (_steps)
        {
            foreach (var step in _steps)
            {
                if (!bars.TryGetValue(step, out var bar))
                {
                    bars[step] = bar = context.AddTask(Markup.Escape(step.Name), maxValue: Math.Max(1, step.Total));
                }

                bar.Description = Markup.Escape(step.Note is null ? step.Name : $"{step.Name} ({step.Note})");
                bar.Value = step.Finished ? bar.MaxValue : step.Done;
            }
        }
    }

    public sealed class Step(string name, long total)
    {
        private long _done;

        public string Name { get; } = name;

        public long Total { get; } = total;

        public long Done => Interlocked.Read(ref _done);

        public string? Note { get; private set; }

        public bool Finished { get; private set; }

        internal bool Reported { get; set; }

        public void Advance(long by = 1) => Interlocked.Add(ref _done, by);

        public void Finish(string? note = null)
        {
            Note = note ?? Note;
            Finished = true;
        }
    }
}
