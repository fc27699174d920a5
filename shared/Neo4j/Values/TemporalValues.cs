namespace Tripmate.Neo4j.Values;

// Neo4j's temporal types that .NET has no exact type for. Date, LocalTime, LocalDateTime and
// OffsetDateTime map to DateOnly, TimeOnly, DateTime and DateTimeOffset; .NET keeps 100 ns, so
// digits of a second beyond the seventh are dropped when reading.

/// <summary>Neo4j's TIME: a time of day with a UTC offset.</summary>
public sealed record Neo4jTime(TimeOnly Time, int OffsetSeconds);

/// <summary>Neo4j's ZONED DATETIME: an instant with its offset and the zone id that gave it.</summary>
public sealed record Neo4jZonedDateTime(DateTimeOffset DateTime, string ZoneId);

/// <summary>
/// Neo4j's DURATION: months, days and seconds are separate (a month is not a fixed number of days),
/// with <see cref="Nanoseconds"/> in 0..999,999,999 added to <see cref="Seconds"/>.
/// </summary>
public sealed record Neo4jDuration(long Months, long Days, long Seconds, int Nanoseconds);

/// <summary>A spatial point; <see cref="Z"/> for 3D reference systems (e.g. SRID 9157).</summary>
public sealed record Neo4jPoint(int Srid, double X, double Y, double? Z = null);
