using System.Globalization;

namespace Tripmate.Load.Commands;

/// <summary><c>COMMAND [ARGUMENT] [--name value | --flag]...</c>; a name given twice keeps every value (thresholds).</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _named = [];
    private readonly HashSet<string> _flags;

    public CommandLine(string[] args, params string[] flags)
    {
        _flags = [.. flags];
        var positional = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(args[i]);
            }
            else if (_flags.Contains(args[i]))
            {
                Add(args[i], "true");
            }
            else if (i + 1 < args.Length)
            {
                Add(args[i], args[++i]);
            }
            else
            {
                throw new FormatException($"{args[i]} needs a value.");
            }
        }

        Positional = positional;
    }

    public IReadOnlyList<string> Positional { get; }

    public bool Has(string name) => _named.ContainsKey(name);

    public bool Flag(string name) => _named.ContainsKey(name);

    public string Text(string name, string fallback) => _named.TryGetValue(name, out var values) ? values[^1] : fallback;

    public IReadOnlyList<string> All(string name) => _named.TryGetValue(name, out var values) ? values : [];

    public int Int(string name, int fallback) => _named.ContainsKey(name) ? int.Parse(Text(name, ""), CultureInfo.InvariantCulture) : fallback;

    public double Number(string name, double fallback) => _named.ContainsKey(name) ? double.Parse(Text(name, ""), CultureInfo.InvariantCulture) : fallback;

    private void Add(string name, string value)
    {
        if (!_named.TryGetValue(name, out var values))
        {
            _named[name] = values = [];
        }

        values.Add(value);
    }
}
