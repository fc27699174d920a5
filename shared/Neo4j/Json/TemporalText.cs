using System.Globalization;
using System.Text;
using Tripmate.Neo4j.Values;

namespace Tripmate.Neo4j.Json;

/// <summary>
/// Temporal values as ISO-8601 text, written as Neo4j's own drivers write them (fractions as nine
/// digits, none when zero; offsets as Z or ±hh:mm) and read in every form the server writes
/// (seconds and fractions are left out when zero: <c>12:50</c>, <c>19:32:24</c>).
/// </summary>
internal static class TemporalText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    public static string Time(TimeOnly time) => $"{time.ToString("HH:mm:ss", Invariant)}{Fraction(time.Ticks % TimeSpan.TicksPerSecond)}";

    public static string LocalDateTime(DateTime at) => $"{Date(DateOnly.FromDateTime(at))}T{Time(TimeOnly.FromDateTime(at))}";

    public static string OffsetDateTime(DateTimeOffset at) => LocalDateTime(at.DateTime) + Offset((int)at.Offset.TotalSeconds);

    public static string Offset(int seconds)
    {
        if (seconds == 0)
        {
            return "Z";
        }

        var span = TimeSpan.FromSeconds(Math.Abs(seconds));
        var text = $"{(seconds < 0 ? '-' : '+')}{span.Hours:D2}:{span.Minutes:D2}";
        return span.Seconds == 0 ? text : $"{text}:{span.Seconds:D2}";
    }

    /// <summary>As Neo4j's drivers write it: <c>P{months}M{days}DT{seconds}[.{nanos}]S</c>, the fraction always positive.</summary>
    public static string Duration(Neo4jDuration duration)
    {
        var seconds = duration.Seconds;
        var nanos = duration.Nanoseconds;
        string secondsText;
        if (seconds < 0 && nanos > 0)
        {
            // -1 s + 0.2 s is -0.8 s: written as the whole seconds towards zero and the rest.
            secondsText = seconds == -1 ? "-0" : (seconds + 1).ToString(Invariant);
            nanos = 1_000_000_000 - nanos;
        }
        else
        {
            secondsText = seconds.ToString(Invariant);
        }

        var fraction = nanos == 0 ? "" : "." + nanos.ToString("D9", Invariant);
        return $"P{duration.Months}M{duration.Days}DT{secondsText}{fraction}S";
    }

    private static string Fraction(long ticks) => ticks == 0 ? "" : "." + (ticks * 100).ToString("D9", Invariant);

    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", Invariant);

    /// <summary><c>HH:mm[:ss[.f…]]</c>; digits beyond 100 ns are dropped.</summary>
    public static TimeOnly ParseTime(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3)
        {
            throw new FormatException($"'{text}' is not a time.");
        }

        var ticks = (int.Parse(parts[0], Invariant) * 60L + int.Parse(parts[1], Invariant)) * 60 * TimeSpan.TicksPerSecond;
        if (parts.Length == 3)
        {
            var (whole, fraction) = parts[2].IndexOf('.') is var dot and >= 0 ? (parts[2][..dot], parts[2][(dot + 1)..]) : (parts[2], "");
            ticks += int.Parse(whole, Invariant) * TimeSpan.TicksPerSecond;
            if (fraction.Length > 0)
            {
                ticks += long.Parse(fraction.PadRight(7, '0')[..7], Invariant);
            }
        }

        return new TimeOnly(ticks);
    }

    /// <summary>Splits <c>12:50:35.5+01:00</c> or <c>12:50Z</c> into the time and its offset in seconds.</summary>
    public static (TimeOnly Time, int OffsetSeconds) ParseOffsetTime(string text)
    {
        if (text.EndsWith('Z'))
        {
            return (ParseTime(text[..^1]), 0);
        }

        var sign = text.LastIndexOfAny(['+', '-']);
        if (sign < 0)
        {
            throw new FormatException($"'{text}' has no offset.");
        }

        var offset = text[(sign + 1)..].Split(':').Select(p => int.Parse(p, Invariant)).ToArray();
        var seconds = offset[0] * 3600 + (offset.Length > 1 ? offset[1] * 60 : 0) + (offset.Length > 2 ? offset[2] : 0);
        return (ParseTime(text[..sign]), text[sign] == '-' ? -seconds : seconds);
    }

    public static DateTime ParseLocalDateTime(string text)
    {
        var t = text.IndexOf('T');
        return ParseDate(text[..t]).ToDateTime(ParseTime(text[(t + 1)..]), DateTimeKind.Unspecified);
    }

    public static DateTimeOffset ParseOffsetDateTime(string text)
    {
        var t = text.IndexOf('T');
        var (time, offset) = ParseOffsetTime(text[(t + 1)..]);
        return new DateTimeOffset(ParseDate(text[..t]).ToDateTime(time), TimeSpan.FromSeconds(offset));
    }

    /// <summary>ISO-8601 durations as the server writes them (<c>P1Y2M3DT4H5M6.5S</c>, parts may be negative or left out).</summary>
    public static Neo4jDuration ParseDuration(string text)
    {
        if (!text.StartsWith('P'))
        {
            throw new FormatException($"'{text}' is not a duration.");
        }

        long months = 0, days = 0, seconds = 0, nanos = 0;
        var inTime = false;
        var number = new StringBuilder();
        foreach (var c in text[1..])
        {
            if (char.IsAsciiDigit(c) || c is '.' or ',' or '-' or '+')
            {
                number.Append(c == ',' ? '.' : c);
                continue;
            }

            if (c == 'T')
            {
                inTime = true;
                continue;
            }

            var value = number.ToString();
            number.Clear();
            switch (c, inTime)
            {
                case ('Y', false): months += 12 * long.Parse(value, Invariant); break;
                case ('M', false): months += long.Parse(value, Invariant); break;
                case ('W', false): days += 7 * long.Parse(value, Invariant); break;
                case ('D', false): days += long.Parse(value, Invariant); break;
                case ('H', true): seconds += 3600 * long.Parse(value, Invariant); break;
                case ('M', true): seconds += 60 * long.Parse(value, Invariant); break;
                case ('S', true):
                    var negative = value.StartsWith('-');
                    var parts = value.TrimStart('-', '+').Split('.');
                    var whole = long.Parse(parts[0], Invariant);
                    var fraction = parts.Length > 1 ? long.Parse(parts[1].PadRight(9, '0')[..9], Invariant) : 0;
                    seconds += negative ? -whole : whole;
                    nanos += negative ? -fraction : fraction;
                    break;
                default: throw new FormatException($"'{text}' has an unexpected '{c}'.");
            }
        }

        // Nanoseconds in 0..999,999,999, as Neo4j keeps them.
        seconds += Math.DivRem(nanos, 1_000_000_000, out var rest);
        if (rest < 0)
        {
            seconds -= 1;
            rest += 1_000_000_000;
        }

        return new Neo4jDuration(months, days, seconds, (int)rest);
    }
}
