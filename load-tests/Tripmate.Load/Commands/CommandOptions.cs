using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Tripmate.Load.Commands;

/// <summary>The kinds of option the commands share, each refusing values out of its range with a message naming the option.</summary>
public static class CommandOptions
{
    public static Option<int> Count(string name, string description, int defaultValue, int atLeast = 1) => new(name)
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                result.AddError($"{name} takes a whole number, not '{text}'.");
            }
            else if (value < atLeast)
            {
                result.AddError($"{name} must be at least {atLeast}, not {value}.");
            }

            return value;
        },
    };

    /// <summary>A number above zero (or at least zero when <paramref name="zeroAllowed"/>).</summary>
    public static Option<double> Number(string name, string description, double defaultValue, string unit, bool zeroAllowed = false) => new(name)
    {
        Description = description,
        HelpName = unit,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                result.AddError($"{name} takes a number, not '{text}'.");
            }
            else if (value < 0 || (value == 0 && !zeroAllowed))
            {
                result.AddError($"{name} must be {(zeroAllowed ? "zero or more" : "more than zero")}, not {text}.");
            }

            return value;
        },
    };

    public static Option<Uri> Url(string name, string description, Func<string> defaultValue) => new(name)
    {
        Description = description,
        HelpName = "URL",
        DefaultValueFactory = _ => new Uri(defaultValue()),
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            result.AddError($"{name} must be an absolute http:// or https:// URL, not '{text}'.");
            return null;
        },
    };

    public static Option<string> Directory(string name, string description, Func<string> defaultValue) => new(name)
    {
        Description = description,
        HelpName = "DIR",
        DefaultValueFactory = _ => defaultValue(),
    };

    /// <summary>A comma-separated list, each item parsed by <paramref name="parse"/> (null: not valid).</summary>
    public static Option<IReadOnlyList<T>> List<T>(string name, string description, string defaultValue, Func<string, T?> parse, string expected)
        where T : struct => new(name)
    {
        Description = description,
        HelpName = "A,B,...",
        DefaultValueFactory = result => ParseList(result, name, defaultValue, parse, expected),
        CustomParser = result => ParseList(result, name, result.Tokens[0].Value, parse, expected),
    };

    private static IReadOnlyList<T> ParseList<T>(ArgumentResult result, string name, string text, Func<string, T?> parse, string expected)
        where T : struct
    {
        var items = new List<T>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (parse(item) is { } value)
            {
                items.Add(value);
            }
            else
            {
                result.AddError($"{name}: '{item}' is not {expected}.");
            }
        }

        if (items.Count == 0)
        {
            result.AddError($"{name} needs at least one item ({expected}).");
        }

        return items;
    }

    public static double? PositiveNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value) ? value : null;
}
