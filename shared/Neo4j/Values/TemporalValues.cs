namespace Tripmate.Neo4j.Values;

// Neo4j's temporal types, as Neo4j defines them: nanoseconds, years -999,999,999..999,999,999
// (proleptic Gregorian, year 0 exists) and UTC offsets of up to ±18:00 that may carry seconds
// (historic zones). .NET's types hold 100 ns, years 1..9999 and whole-minute offsets of ±14:00, so
// results are always read into these types; To*() converts to .NET's where that is exact and throws
// InvalidCastException where it is not (never rounds). Parameters may be either.

/// <summary>Neo4j's DATE.</summary>
public sealed record Neo4jDate
{
    public const int MinYear = -999_999_999;
    public const int MaxYear = 999_999_999;

    public Neo4jDate(int year, int month, int day)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, DaysInMonth(year, month));
        (Year, Month, Day) = (year, month, day);
    }

    public int Year { get; }

    public int Month { get; }

    public int Day { get; }

    public static Neo4jDate From(DateOnly date) => new(date.Year, date.Month, date.Day);

    public DateOnly ToDateOnly() => Year is >= 1 and <= 9999
        ? new DateOnly(Year, Month, Day)
        : throw new InvalidCastException($"The date {this} is outside DateOnly's years 1-9999.");

    public override string ToString() => Json.TemporalText.Date(this);

    /// <summary>Proleptic Gregorian, as Neo4j (java.time) counts: year 0 and negative years follow the same rule.</summary>
    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };
}

/// <summary>Neo4j's LOCAL TIME: a time of day to the nanosecond.</summary>
public sealed record Neo4jLocalTime
{
    public Neo4jLocalTime(int hour, int minute, int second, int nanosecond = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        ArgumentOutOfRangeException.ThrowIfNegative(minute);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minute, 59);
        ArgumentOutOfRangeException.ThrowIfNegative(second);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(second, 59);
        ArgumentOutOfRangeException.ThrowIfNegative(nanosecond);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nanosecond, 999_999_999);
        (Hour, Minute, Second, Nanosecond) = (hour, minute, second, nanosecond);
    }

    public int Hour { get; }

    public int Minute { get; }

    public int Second { get; }

    public int Nanosecond { get; }

    public static Neo4jLocalTime From(TimeOnly time) =>
        new(time.Hour, time.Minute, time.Second, (int)(time.Ticks % TimeSpan.TicksPerSecond * 100));

    public TimeOnly ToTimeOnly() => Nanosecond % 100 == 0
        ? new TimeOnly(new TimeOnly(Hour, Minute, Second).Ticks + Nanosecond / 100)
        : throw new InvalidCastException($"The time {this} has nanoseconds that TimeOnly (100 ns) cannot hold.");

    public override string ToString() => Json.TemporalText.Time(this);
}

/// <summary>Neo4j's TIME: a time of day with a UTC offset of up to ±18:00, seconds included.</summary>
public sealed record Neo4jTime
{
    public Neo4jTime(Neo4jLocalTime time, int offsetSeconds)
    {
        Neo4jDateTime.CheckOffset(offsetSeconds);
        (Time, OffsetSeconds) = (time, offsetSeconds);
    }

    public Neo4jLocalTime Time { get; }

    public int OffsetSeconds { get; }

    public override string ToString() => Json.TemporalText.Time(Time) + Json.TemporalText.Offset(OffsetSeconds);
}

/// <summary>Neo4j's LOCAL DATETIME.</summary>
public sealed record Neo4jLocalDateTime(Neo4jDate Date, Neo4jLocalTime Time)
{
    /// <summary>The date and time <paramref name="at"/> shows; its Kind is not sent (Neo4j's local datetime has none).</summary>
    public static Neo4jLocalDateTime From(DateTime at) =>
        new(Neo4jDate.From(DateOnly.FromDateTime(at)), Neo4jLocalTime.From(TimeOnly.FromDateTime(at)));

    public DateTime ToDateTime() => Date.ToDateOnly().ToDateTime(Time.ToTimeOnly(), DateTimeKind.Unspecified);

    public override string ToString() => $"{Date}T{Time}";
}

/// <summary>
/// Neo4j's DATETIME: a local date-time with its UTC offset (an OffsetDateTime) and, when it was
/// made in a named zone, that zone's id (a ZonedDateTime), as Neo4j's drivers model it.
/// </summary>
public sealed record Neo4jDateTime
{
    /// <summary>java.time's ZoneOffset range.</summary>
    public const int MaxOffsetSeconds = 18 * 3600;

    public Neo4jDateTime(Neo4jLocalDateTime dateTime, int offsetSeconds, string? zoneId = null)
    {
        CheckOffset(offsetSeconds);
        if (zoneId is { Length: 0 })
        {
            throw new ArgumentException("A zone id is null (an offset date-time) or a name such as Europe/Oslo.", nameof(zoneId));
        }

        (DateTime, OffsetSeconds, ZoneId) = (dateTime, offsetSeconds, zoneId);
    }

    public Neo4jLocalDateTime DateTime { get; }

    public int OffsetSeconds { get; }

    /// <summary>Null for an offset date-time.</summary>
    public string? ZoneId { get; }

    public static Neo4jDateTime From(DateTimeOffset at, string? zoneId = null) =>
        new(Neo4jLocalDateTime.From(at.DateTime), (int)at.Offset.TotalSeconds, zoneId);

    /// <summary>The same instant and offset; refused where the offset has seconds or exceeds ±14:00 (DateTimeOffset's limits).</summary>
    public DateTimeOffset ToDateTimeOffset()
    {
        if (OffsetSeconds % 60 != 0 || Math.Abs(OffsetSeconds) > 14 * 3600)
        {
            throw new InvalidCastException($"The date-time {this} has an offset that DateTimeOffset (whole minutes, ±14:00) cannot hold.");
        }

        return new DateTimeOffset(DateTime.ToDateTime(), TimeSpan.FromSeconds(OffsetSeconds));
    }

    public override string ToString() => $"{DateTime}{Json.TemporalText.Offset(OffsetSeconds)}{(ZoneId is null ? "" : $"[{ZoneId}]")}";

    internal static void CheckOffset(int offsetSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(offsetSeconds, -MaxOffsetSeconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offsetSeconds, MaxOffsetSeconds);
    }
}

/// <summary>
/// Neo4j's DURATION: months, days and seconds are separate (a month is not a fixed number of days),
/// with <see cref="Nanoseconds"/> in 0..999,999,999 added to <see cref="Seconds"/>.
/// </summary>
public sealed record Neo4jDuration(long Months, long Days, long Seconds, int Nanoseconds);

/// <summary>A spatial point; <see cref="Z"/> for 3D reference systems (e.g. SRID 9157).</summary>
public sealed record Neo4jPoint(int Srid, double X, double Y, double? Z = null);
