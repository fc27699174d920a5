using Tripmate.Messaging.Store;

namespace Tripmate.Messaging.Tests.Store;

public class TimeUuidTests
{
    [Fact]
    public void Keeps_its_timestamp_to_the_tick()
    {
        var at = new DateTimeOffset(2026, 11, 25, 9, 30, 15, TimeSpan.Zero).AddTicks(1234567);
        var id = TimeUuid.NewId(at);
        Assert.True(TimeUuid.IsTimeUuid(id));
        Assert.Equal(at, TimeUuid.GetTimestamp(id));
        Assert.Equal('1', id.ToString()[14]); // version nibble in the canonical text form
    }

    [Fact]
    public void Derived_ids_repeat_for_the_same_seeds_only()
    {
        var at = DateTimeOffset.UtcNow;
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(TimeUuid.Derive(at, a, b), TimeUuid.Derive(at, a, b));
        Assert.NotEqual(TimeUuid.Derive(at, a, b), TimeUuid.Derive(at, b, a));
        Assert.Equal(at, TimeUuid.GetTimestamp(TimeUuid.Derive(at, a, b)));
    }

    [Fact]
    public void Orders_by_time_first()
    {
        var t = DateTimeOffset.UtcNow;
        var earlier = TimeUuid.NewId(t);
        var later = TimeUuid.NewId(t.AddTicks(1));
        Assert.True(TimeUuid.Compare(earlier, later) < 0);
        Assert.True(TimeUuid.Compare(later, earlier) > 0);
        Assert.True(TimeUuid.Compare(TimeUuid.Min(t), earlier) <= 0);
        Assert.Equal(0, TimeUuid.Compare(earlier, earlier));
    }
}
