using System.Globalization;

namespace Tripmate.Neo4j.Json;

/// <summary>
/// Floats as text the way ECMAScript's Number::toString writes them (shortest round-trip digits;
/// exponent form outside 1e-7..1e21, with a lower-case e), which is also what the server reads.
/// One spelling, so our request bodies equal the official client's value for value.
/// </summary>
internal static class JsNumber
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            // The sign of -0.0 is kept (the official client loses it).
            return double.IsNegative(value) ? "-0.0" : "0";
        }

        var (negative, digits, n) = Decompose(value);
        var k = digits.Length;
        string text;
        if (k <= n && n <= 21)
        {
            text = digits + new string('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            text = $"{digits[..n]}.{digits[n..]}";
        }
        else if (-6 < n && n <= 0)
        {
            text = $"0.{new string('0', -n)}{digits}";
        }
        else
        {
            var exponent = n - 1;
            text = $"{digits[0]}{(k > 1 ? "." + digits[1..] : "")}e{(exponent >= 0 ? "+" : "-")}{Math.Abs(exponent)}";
        }

        return negative ? "-" + text : text;
    }

    /// <summary>Shortest digits (no leading or trailing zeros) and n such that |value| = 0.digits × 10^n.</summary>
    private static (bool Negative, string Digits, int N) Decompose(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = text.StartsWith('-');
        text = text.TrimStart('-');
        var exponent = 0;
        if (text.IndexOf('E') is var e and >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var point = text.IndexOf('.');
        var integerPart = point >= 0 ? text[..point] : text;
        var digits = integerPart + (point >= 0 ? text[(point + 1)..] : "");
        var n = integerPart.Length + exponent;
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits[leading..].TrimEnd('0');
        return (negative, digits, n - leading);
    }
}
