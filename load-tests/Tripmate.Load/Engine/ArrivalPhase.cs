using System.Globalization;
using System.Text.RegularExpressions;

namespace Tripmate.Load.Engine;

/// <summary>
/// A stretch of an open model's arrival rate (iterations per second): constant, or a linear ramp.
/// Steps are a series of constants. Arrivals are placed where the cumulative count crosses each
/// integer, so a ramp's spacing shrinks smoothly instead of jumping once per second.
/// </summary>
public abstract record ArrivalPhase(TimeSpan Duration)
{
    public abstract double From { get; }

    public abstract double To { get; }

    /// <summary>Arrivals in the whole phase (fractional: the remainder carries into the next phase).</summary>
    public double Total => (From + To) / 2 * Duration.TotalSeconds;

    /// <summary>Seconds into the phase at which the cumulative count reaches <paramref name="count"/>.</summary>
    public abstract double TimeOf(double count);

    public abstract string Describe();

    /// <summary>
    /// Parses a profile such as <c>ramp(0,200,10s) constant(200,30s) steps(100,400,100,10s)</c>
    /// (rates per second, durations with s or ms).
    /// </summary>
    public static IReadOnlyList<ArrivalPhase> ParseProfile(string text)
    {
        var phases = new List<ArrivalPhase>();
        foreach (Match match in Regex.Matches(text, @"(\w+)\s*\(([^)]*)\)"))
        {
            var args = match.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries);
            switch (match.Groups[1].Value.ToLowerInvariant(), args.Length)
            {
                case ("constant", 2):
                    phases.Add(new ConstantRate(Number(args[0]), ParseDuration(args[1])));
                    break;
                case ("ramp", 3):
                    phases.Add(new RampRate(Number(args[0]), Number(args[1]), ParseDuration(args[2])));
                    break;
                case ("steps", 4):
                    for (var rate = Number(args[0]); rate <= Number(args[1]) + 1e-9; rate += Number(args[2]))
                    {
                        phases.Add(new ConstantRate(rate, ParseDuration(args[3])));
                    }

                    break;
                default:
                    throw new FormatException($"Unknown phase '{match.Value}': use constant(RATE,DUR), ramp(FROM,TO,DUR) or steps(FROM,TO,STEP,DUR).");
            }
        }

        return phases.Count > 0 ? phases : throw new FormatException($"No phase in profile '{text}'.");
    }

    public static TimeSpan ParseDuration(string text) => text.Trim() switch
    {
        var t when t.EndsWith("ms", StringComparison.Ordinal) => TimeSpan.FromMilliseconds(Number(t[..^2])),
        var t when t.EndsWith('s') => TimeSpan.FromSeconds(Number(t[..^1])),
        var t when t.EndsWith('m') => TimeSpan.FromMinutes(Number(t[..^1])),
        var t => TimeSpan.FromSeconds(Number(t)),
    };

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}

public sealed record ConstantRate(double Rate, TimeSpan Duration) : ArrivalPhase(Duration)
{
    public override double From => Rate;

    public override double To => Rate;

    public override double TimeOf(double count) => Rate <= 0 ? Duration.TotalSeconds : count / Rate;

    public override string Describe() => $"constant({Rate:0.##}/s, {Duration.TotalSeconds:0.##}s)";
}

public sealed record RampRate(double Start, double End, TimeSpan Duration) : ArrivalPhase(Duration)
{
    public override double From => Start;

    public override double To => End;

    // N(t) = a t + b t^2 / 2 with a = Start and b = (End - Start) / T; solved for t.
    public override double TimeOf(double count)
    {
        var (a, b) = (Start, (End - Start) / Duration.TotalSeconds);
        if (Math.Abs(b) < 1e-12)
        {
            return a <= 0 ? Duration.TotalSeconds : count / a;
        }

        return (-a + Math.Sqrt(Math.Max(0, a * a + 2 * b * count))) / b;
    }

    public override string Describe() => $"ramp({Start:0.##}->{End:0.##}/s, {Duration.TotalSeconds:0.##}s)";
}
