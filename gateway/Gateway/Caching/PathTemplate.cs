using System.Runtime.CompilerServices;

namespace Tripmate.Gateway.Caching;

/// <summary>
/// A path template from configuration (<c>/api/groups/{id:guid}/members</c>, optionally ending in
/// <c>{*rest}</c>), matched without allocating: it runs on every request, and most do not match.
/// Literals ignore case, as ASP.NET Core routing does; a trailing slash is accepted.
/// </summary>
public sealed class PathTemplate
{
    public const int MaxParameters = 4;

    private readonly Segment[] _segments;

    private PathTemplate(string text, Segment[] segments, string[] parameterNames)
    {
        Text = text;
        _segments = segments;
        ParameterNames = parameterNames;
    }

    public string Text { get; }

    public IReadOnlyList<string> ParameterNames { get; }

    public static PathTemplate Parse(string template)
    {
        if (!template.StartsWith('/'))
        {
            throw new FormatException($"Path template '{template}' must start with '/'.");
        }

        var parts = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var names = new List<string>();
        var segments = new Segment[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (!part.StartsWith('{'))
            {
                segments[i] = new Segment(SegmentKind.Literal, part, -1);
                continue;
            }

            var inner = part.Trim('{', '}');
            var catchAll = inner.StartsWith('*');
            var (name, constraint) = inner.TrimStart('*').Split(':') is [var n, var c] ? (n, c) : (inner.TrimStart('*'), null);
            if (catchAll && i != parts.Length - 1 || constraint is not (null or "guid") || names.Count == MaxParameters)
            {
                throw new FormatException($"Path template '{template}': '{part}' is not supported (a final {{*rest}}, {{name}} or {{name:guid}}, at most {MaxParameters}).");
            }

            var kind = catchAll ? SegmentKind.CatchAll : constraint == "guid" ? SegmentKind.Guid : SegmentKind.Any;
            segments[i] = new Segment(kind, name, names.Count);
            names.Add(name);
        }

        return new PathTemplate(template, segments, [.. names]);
    }

    /// <summary>Matches <paramref name="path"/>; on success <paramref name="values"/> holds each parameter's range in it.</summary>
    public bool TryMatch(ReadOnlySpan<char> path, ref RouteValueRanges values)
    {
        var position = 0;
        foreach (var segment in _segments)
        {
            if (segment.Kind == SegmentKind.CatchAll)
            {
                values[segment.Slot] = new Range(Math.Min(position + 1, path.Length), path.Length);
                return true;
            }

            if (position >= path.Length || path[position] != '/')
            {
                return false;
            }

            position++;
            var length = path[position..].IndexOf('/');
            var end = length < 0 ? path.Length : position + length;
            var part = path[position..end];
            var matches = segment.Kind switch
            {
                SegmentKind.Literal => part.Equals(segment.Text, StringComparison.OrdinalIgnoreCase),
                SegmentKind.Guid => Guid.TryParse(part, out _),
                _ => !part.IsEmpty,
            };
            if (!matches)
            {
                return false;
            }

            if (segment.Slot >= 0)
            {
                values[segment.Slot] = new Range(position, end);
            }

            position = end;
        }

        return position == path.Length || (position == path.Length - 1 && path[position] == '/');
    }

    private enum SegmentKind { Literal, Any, Guid, CatchAll }

    private readonly record struct Segment(SegmentKind Kind, string Text, int Slot);
}

/// <summary>Where each parameter of a matched template lies in the path; a value type, so matching allocates nothing.</summary>
[InlineArray(PathTemplate.MaxParameters)]
public struct RouteValueRanges
{
    private Range _first;
}
