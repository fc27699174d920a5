using Tripmate.Load.Engine;

namespace Tripmate.Load.Commands;

/// <summary>
/// The load model from the command line: <c>--rate R</c> (constant, the default 50/s) or
/// <c>--profile "ramp(0,200,10s) constant(200,30s)"</c> for an open model, <c>--vus N [--think MS]</c>
/// for a closed one; <c>--warmup S</c> (default 5) is run first and not measured, <c>--duration S</c>
/// (default 20) is measured.
/// </summary>
public static class RunOptions
{
    public static LoadModel Model(CommandLine line)
    {
        var warmUp = TimeSpan.FromSeconds(line.Number("--warmup", 5));
        var duration = TimeSpan.FromSeconds(line.Number("--duration", 20));
        if (line.Has("--vus"))
        {
            return new ClosedModel(line.Int("--vus", 16), TimeSpan.FromMilliseconds(line.Number("--think", 0)), duration, warmUp);
        }

        var phases = line.Has("--profile")
            ? ArrivalPhase.ParseProfile(line.Text("--profile", ""))
            : [new ConstantRate(line.Number("--rate", 50), warmUp + duration)];
        return new OpenModel(new ArrivalSchedule(phases), warmUp, line.Int("--max-in-flight", 10_000));
    }

    public static RunSettings Settings(CommandLine line, string scenario, string target) =>
        new(scenario, target, TimeSpan.FromMilliseconds(line.Number("--late-after", 10)), Live: !line.Flag("--no-live"));
}
