using System.Text.Json;

namespace Tripmate.Gateway.Caching;

/// <summary>
/// Tags taken from an answer's JSON, e.g. one <c>user:{id}</c> per <c>userId</c> in a member list,
/// so the list is evicted when any member's profile changes. Read once, when the entry is stored.
/// </summary>
internal static class BodyTags
{
    /// <returns>False when the body is not JSON: its tags are unknown, so it must not be stored.</returns>
    public static bool TryAddTo(HashSet<string> tags, CacheRoute route, ReadOnlySpan<byte> json)
    {
        if (route is not { BodyTagProperty: { } property, BodyTag: { } template })
        {
            return true;
        }

        var reader = new Utf8JsonReader(json);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(property)
                    && reader.Read() && reader.TokenType == JsonTokenType.String
                    && template.Format([], default, bodyValue: reader.GetString()) is { } tag)
                {
                    tags.Add(tag);
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return true;
    }
}
