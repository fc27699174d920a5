namespace Tripmate.Load.Engine;

/// <summary>The intended start time of every iteration of an open-model run, in seconds from its start.</summary>
public sealed class ArrivalSchedule(IReadOnlyList<ArrivalPhase> phases)
{
    public IReadOnlyList<ArrivalPhase> Phases => phases;

    public TimeSpan Length => TimeSpan.FromSeconds(phases.Sum(p => p.Duration.TotalSeconds));

    public IEnumerable<double> Offsets()
    {
        double phaseStart = 0, before = 0;
        long next = 0;
        foreach (var phase in phases)
        {
            var total = phase.Total;
            while (next < before + total)
            {
                yield return phaseStart + phase.TimeOf(next - before);
                next++;
            }

            before += total;
            phaseStart += phase.Duration.TotalSeconds;
        }
    }

    /// <summary>The target rate <paramref name="seconds"/> into the run (for the live view).</summary>
    public double RateAt(double seconds)
    {
        foreach (var phase in phases)
        {
            var length = phase.Duration.TotalSeconds;
            if (seconds < length)
            {
                return phase.From + (phase.To - phase.From) * seconds / length;
            }

            seconds -= length;
        }

        return 0;
    }

    public string Describe() => string.Join(" ", phases.Select(p => p.Describe()));
}
