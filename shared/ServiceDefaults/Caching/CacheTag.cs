namespace Tripmate.ServiceDefaults.Caching;

/// <summary>
/// One spelling per tag. A GUID may reach a service in any form <c>Guid.TryParse</c> accepts (no
/// dashes, capitals, braces); a tag written from one spelling and evicted by another would never
/// meet, so every GUID part (between ':') is written in "D" form, wherever a tag is made or read.
/// </summary>
public static class CacheTag
{
    public static string Canonical(string tag)
    {
        if (tag.Length == 0 || tag.Any(c => c is <= ' ' or > '~'))
        {
            throw new ArgumentException($"Cache tag '{tag}' must be visible ASCII without spaces (tags are space-separated in a header).", nameof(tag));
        }

        var parts = tag.Split(':');
        for (var i = 0; i < parts.Length; i++)
        {
            if (Guid.TryParse(parts[i], out var id))
            {
                parts[i] = id.ToString("D");
            }
        }

        return string.Join(':', parts);
    }

    /// <summary>The distinct canonical tags of a header's values (each a space-separated list); bad tags are dropped.</summary>
    public static HashSet<string> Parse(IEnumerable<string?> headerValues)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in headerValues)
        {
            foreach (var tag in (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!tag.Any(c => c is <= ' ' or > '~'))
                {
                    tags.Add(Canonical(tag));
                }
            }
        }

        return tags;
    }
}
