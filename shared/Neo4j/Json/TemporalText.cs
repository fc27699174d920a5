using System.Globalization;
using System.Text;
using Tripmate.Neo4j.Values;

namespace Tripmate.Neo4j.Json;

/// <summary>
/// Temporal values as ISO-8601 text, written as Neo4j's own drivers write them (years beyond
/// 0..9999 signed and six digits or more, fractions as nine digits and none when zero, offsets as
/// Z or ±hh:mm[:ss]) and read in every form the server (java.time) writes: seconds and fractions
/// left out when zero (<c>12:50</c>), fractions of 1-9 digits, signed years of four or more
/// digits, offsets with seconds, a zone in brackets.
/// </summary>
internal static class TemporalText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Date(Neo4jDate date)
    {
        var year = date.Year is < 0 or > 9999
            ? (date.Year < 0 ? "-" : "+") + Math.Abs((long)date.Year).ToString("D6", Invariant)
            : date.Year.ToString("D4", Invariant);
        return $"{year}-{date.Month:D2}-{date.Day:D2}";
    }

    public static string Time(Neo4jLocalTime time) =>
        $"{time.Hour:D2}:{time.Minute:D2}:{time.Second:D2}{(time.Nanosecond == 0 ? "" : "." + time.Nanosecond.ToString("D9", Invariant))}";

    public static string Offset(int seconds)
    {
        if (seconds == 0)
        {
            return "Z";
        }

        var magnitude = Math.Abs(seconds);
        var text = $"{(seconds < 0 ? '-' : '+')}{magnitude / 3600:D2}:{magnitude / 60 % 60:D2}";
        return magnitude % 60 == 0 ? text : $"{text}:{magnitude % 60:D2}";
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

    /// <summary><c>[+-]yyyy[y…]-MM-dd</c>.</summary>
    public static Neo4jDate ParseDate(string text)
    {
        var sign = text[0] is '+' or '-' ? 1 : 0;
        var parts = text[sign..].Split('-');
        if (parts.Length != 3 || parts[0].Length < 4 || parts[1].Length != 2 || parts[2].Length != 2)
        {
            throw new FormatException($"'{text}' is not a date.");
        }

        var year = Digits(parts[0]);
        return new Neo4jDate(checked((int)(text[0] == '-' ? -year : year)), (int)Digits(parts[1]), (int)Digits(parts[2]));
    }

    /// <summary><c>HH:mm[:ss[.f…]]</c>, 1-9 digits of fraction.</summary>
    public static Neo4jLocalTime ParseTime(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3 || parts[0].Length != 2 || parts[1].Length != 2)
        {
            throw new FormatException($"'{text}' is not a time.");
        }

        int second = 0, nanosecond = 0;
        if (parts.Length == 3)
        {
            var dot = parts[2].IndexOf('.');
            var (whole, fraction) = dot >= 0 ? (parts[2][..dot], parts[2][(dot + 1)..]) : (parts[2], "");
            if (whole.Length != 2 || fraction.Length > 9 || (dot >= 0 && fraction.Length == 0))
            {
                throw new FormatException($"'{text}' is not a time.");
            }

            second = (int)Digits(whole);
            nanosecond = fraction.Length == 0 ? 0 : (int)Digits(fraction.PadRight(9, '0'));
        }

        return new Neo4jLocalTime((int)Digits(parts[0]), (int)Digits(parts[1]), second, nanosecond);
    }

    /// <summary>Splits <c>12:50:35.5+01:00</c>, <c>12:50Z</c> or <c>00:00-00:17:30</c> into the time and its offset in seconds.</summary>
    public static Neo4jTime ParseOffsetTime(string text)
    {
        if (text.EndsWith('Z'))
        {
            return new Neo4jTime(ParseTime(text[..^1]), 0);
        }

        var sign = text.LastIndexOfAny(['+', '-']);
        if (sign < 0)
        {
            throw new FormatException($"'{text}' has no offset.");
        }

        var offset = text[(sign + 1)..].Split(':');
        if (offset.Length is < 1 or > 3 || offset.Any(part => part.Length != 2))
        {
            throw new FormatException($"'{text}' has no valid offset.");
        }

        var seconds = Digits(offset[0]) * 3600 + (offset.Length > 1 ? Digits(offset[1]) * 60 : 0) + (offset.Length > 2 ? Digits(offset[2]) : 0);
        return new Neo4jTime(ParseTime(text[..sign]), (int)(text[sign] == '-' ? -seconds : seconds));
    }

    public static Neo4jLocalDateTime ParseLocalDateTime(string text)
    {
        var t = text.IndexOf('T');
        return t < 0 ? throw new FormatException($"'{text}' is not a date-time.") : new(ParseDate(text[..t]), ParseTime(text[(t + 1)..]));
    }

    /// <summary><c>2015-11-21T21:40:32.142+01:00</c>, optionally followed by <c>[Zone/Id]</c>.</summary>
    public static Neo4jDateTime ParseDateTime(string text)
    {
        string? zone = null;
        if (text.IndexOf('[') is var bracket and >= 0)
        {
            if (!text.EndsWith(']') || bracket == text.Length - 2)
            {
                throw new FormatException($"'{text}' has an unclosed or empty zone.");
            }

            zone = text[(bracket + 1)..^1];
            text = text[..bracket];
        }

        var t = text.IndexOf('T');
        if (t < 0)
        {
            throw new FormatException($"'{text}' is not a date-time.");
        }

        var time = ParseOffsetTime(text[(t + 1)..]);
        return new Neo4jDateTime(new Neo4jLocalDateTime(ParseDate(text[..t]), time.Time), time.OffsetSeconds, zone);
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
            checked
            {
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

    /// <summary>ASCII digits only (no sign, no spaces): what java.time writes.</summary>
    private static long Digits(string text) =>
        text.Length is > 0 and <= 18 && text.All(char.IsAsciiDigit)
            ? long.Parse(text, NumberStyles.None, Invariant)
            : throw new FormatException($"'{text}' is not a number.");
}
