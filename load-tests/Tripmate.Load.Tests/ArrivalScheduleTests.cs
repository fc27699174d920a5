using Tripmate.Load.Engine;

namespace Tripmate.Load.Tests;

/// <summary>The open model's intended start times: the right count, evenly spaced, ramps accelerating smoothly.</summary>
public sealed class ArrivalScheduleTests
{
    [Fact]
    public void A_constant_rate_spaces_arrivals_evenly()
    {
        var offsets = new ArrivalSchedule([new ConstantRate(200, TimeSpan.FromSeconds(2))]).Offsets().ToList();
        Assert.Equal(400, offsets.Count);
        Assert.All(offsets.Zip(offsets.Skip(1)), pair => Assert.Equal(0.005, pair.Second - pair.First, 9));
    }

    [Fact]
    public void A_ramp_delivers_its_area_and_speeds_up()
    {
        var offsets = new ArrivalSchedule(ArrivalPhase.ParseProfile("ramp(0,100,10s) constant(100,1s)")).Offsets().ToList();
        Assert.InRange(offsets.Count, 599, 601); // 0.5 * 100/s * 10 s + 100
        Assert.True(offsets[10] - offsets[9] > offsets[400] - offsets[399], "arrivals come closer together as the rate grows");
        Assert.True(offsets.SequenceEqual(offsets.Order()), "in time order");
    }

    [Fact]
    public void Steps_expand_to_constant_phases() =>
        Assert.Equal([100.0, 200, 300], ArrivalPhase.ParseProfile("steps(100,300,100,5s)").Select(p => p.From));
}
