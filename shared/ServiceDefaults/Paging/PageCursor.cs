using System.Buffers.Text;
using System.Text.Json;
using Tripmate.ServiceDefaults.Errors;

namespace Tripmate.ServiceDefaults.Paging;

/// <summary>
/// Cursors are the sort key of the last row served (keyset paging), so a page stays correct while
/// rows are inserted before or after it. Encoded as base64url JSON: opaque to clients, and any
/// tampering simply fails to decode or lands on rows the query already restricts to the caller.
/// </summary>
public static class PageCursor
{
    public static string Encode<TKey>(TKey key) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key, JsonSerializerOptions.Web));

    /// <summary>Decodes a cursor, or returns default when there is none (the first page).</summary>
    /// <exception cref="RequestValidationException">The cursor was not produced by <see cref="Encode{TKey}"/>.</exception>
    public static TKey? Decode<TKey>(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<TKey>(Base64Url.DecodeFromChars(cursor), JsonSerializerOptions.Web)
                ?? throw Invalid();
        }
        catch (Exception e) when (e is FormatException or JsonException or NotSupportedException)
        {
            throw Invalid();
        }
    }

    private static RequestValidationException Invalid() =>
        new("cursor", "The cursor is not valid. Pass back the nextCursor of a previous page unchanged.");
}
