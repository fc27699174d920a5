namespace Tripmate.Load.Engine;

/// <summary>How iterations are started: on a schedule (open) or by a fixed set of users (closed).</summary>
public abstract record LoadModel(TimeSpan WarmUp)
{
    /// <summary>The measured window, after the warm-up.</summary>
    public abstract TimeSpan Measured { get; }

    public abstract string Describe();
}

/// <summary>
/// Iterations start at the schedule's times whether or not earlier ones finished, as real users
/// arrive. The first <see cref="LoadModel.WarmUp"/> of the schedule is run but not measured. An
/// iteration due while <see cref="MaxInFlight"/> are still running is dropped and counted.
/// </summary>
public sealed record OpenModel(ArrivalSchedule Schedule, TimeSpan WarmUp, int MaxInFlight) : LoadModel(WarmUp)
{
    public override TimeSpan Measured => Schedule.Length - WarmUp;

    public override string Describe() => $"open model: {Schedule.Describe()}, first {WarmUp.TotalSeconds:0.#} s warm-up, at most {MaxInFlight} in flight";
}

/// <summary>
/// <see cref="VirtualUsers"/> users, each starting its next iteration after the previous one ended
/// and <see cref="ThinkTime"/> passed (exponentially distributed around it, so users do not march
/// in step); with no think time this is a saturation test like wrk's.
/// </summary>
public sealed record ClosedModel(int VirtualUsers, TimeSpan ThinkTime, TimeSpan Duration, TimeSpan WarmUp) : LoadModel(WarmUp)
{
    public override TimeSpan Measured => Duration;

    public override string Describe() =>
        $"closed model: {VirtualUsers} virtual users, think time {ThinkTime.TotalMilliseconds:0} ms, {Duration.TotalSeconds:0.#} s after {WarmUp.TotalSeconds:0.#} s warm-up";
}
