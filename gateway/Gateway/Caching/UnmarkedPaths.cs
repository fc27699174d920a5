using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Options;

namespace Tripmate.Gateway.Caching;

/// <summary>
/// Spares the Redis lookup for GETs that cannot hit. The gateway knows no service's routes, so it
/// learns from answers: when a 200 of a path shape (the proxy route and the path with each GUID or
/// number segment blanked: <c>/api/things/me</c> and <c>/api/things/{id}</c> differ, all things are
/// one) came back unmarked, the next GETs of that shape are forwarded without a lookup for
/// <see cref="CachingOptions.UnmarkedPathMemory"/>. Any marked answer of the shape ends that at
/// once; it is not stored itself (it has no asOf from before it was asked), the next one is.
/// </summary>
public sealed class UnmarkedPaths(IOptions<CachingOptions> options)
{
    /// <summary>Paths with free-text segments make many shapes: past this many the memory starts again.</summary>
    private const int MaxShapes = 10_000;

    private readonly long _memoryMs = (long)options.Value.UnmarkedPathMemory.TotalMilliseconds;
    private readonly ConcurrentDictionary<string, long> _unmarkedUntil = new(StringComparer.Ordinal);

    public static string ShapeOf(string routeId, string path)
    {
        var shape = new StringBuilder(routeId.Length + path.Length + 1).Append(routeId).Append(' ');
        foreach (var segment in path.AsSpan().Split('/'))
        {
            var part = path.AsSpan()[segment];
            var isId = Guid.TryParse(part, out _) || (part.Length > 0 && !part.ContainsAnyExceptInRange('0', '9'));
            shape.Append(isId ? "*" : part).Append('/');
        }

        return shape.ToString();
    }

    public bool IsUnmarked(string shape) =>
        _memoryMs > 0 && _unmarkedUntil.TryGetValue(shape, out var until) && Environment.TickCount64 < until;

    /// <summary>Called with each 200 of a shape: unmarked ones are remembered, a marked one forgets the shape.</summary>
    public void Record(string shape, bool marked)
    {
        if (marked)
        {
            _unmarkedUntil.TryRemove(shape, out _);
            return;
        }

        if (_memoryMs > 0)
        {
            if (_unmarkedUntil.Count >= MaxShapes)
            {
                _unmarkedUntil.Clear();
            }

            _unmarkedUntil[shape] = Environment.TickCount64 + _memoryMs;
        }
    }
}
