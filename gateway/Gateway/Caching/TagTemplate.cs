using System.Text.RegularExpressions;

namespace Tripmate.Gateway.Caching;

/// <summary>
/// A tag from configuration such as <c>group:{id}:members</c>, filled from the matched path, the
/// caller (<c>{sub}</c>) or a body value (<c>{value}</c>). Values are lower-cased, and GUIDs written in
/// their one canonical form, so a URL's spelling of an id gives the same tag as the one an event carries.
/// </summary>
public sealed partial class TagTemplate
{
    public const string CallerPlaceholder = "sub";
    public const string BodyValuePlaceholder = "value";
    private const string CallerToken = "{" + CallerPlaceholder + "}";

    private readonly string _text;
    private readonly (string Placeholder, int Slot)[] _parameters;

    public TagTemplate(string text, IReadOnlyList<string> parameterNames, params string[] extraNames)
    {
        _text = text;
        _parameters = [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct().Select(name =>
        {
            var slot = parameterNames.ToList().IndexOf(name);
            if (slot < 0 && !extraNames.Contains(name))
            {
                throw new FormatException($"Tag '{text}' names {{{name}}}, which its path template does not have.");
            }

            return ("{" + name + "}", slot);
        })];
    }

    /// <summary>The tag, or null when a value would break the entry format (whitespace).</summary>
    public string? Format(ReadOnlySpan<char> path, in RouteValueRanges values, string? caller = null, string? bodyValue = null)
    {
        var tag = _text;
        foreach (var (placeholder, slot) in _parameters)
        {
            var value = slot >= 0 ? path[values[slot]].ToString()
                : placeholder == CallerToken ? caller : bodyValue;
            if (string.IsNullOrEmpty(value) || value.Any(char.IsWhiteSpace))
            {
                return null;
            }

            tag = tag.Replace(placeholder, Canonical(value));
        }

        return tag;
    }

    public override string ToString() => _text;

    /// <summary>
    /// Services accept a GUID spelled any way Guid.TryParse does (no dashes, braces, capitals); events
    /// carry the lower-case dashed form. A tag must be that form, or its eviction would never reach it.
    /// </summary>
    private static string Canonical(string value) => Guid.TryParse(value, out var id) ? id.ToString() : value.ToLowerInvariant();

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();
}
