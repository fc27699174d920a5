using System.Buffers.Text;
using System.Text.Json;
using Tripmate.ServiceDefaults.Errors;

namespace Tripmate.ServiceDefaults.Paging;

/// <summary>
/// Cursors are the position of the last row served (keyset paging), so a page stays correct while
/// rows are inserted before or after it. Encoded as base64url JSON: opaque to clients, and any
/// tampering simply fails to decode or lands on rows the query already restricts to the caller.
/// </summary>
public static class PageCursor
{
    /// <summary>
    /// Strict on purpose: a position must have exactly its own properties, so a cursor made by
    /// another list (another position type) is refused rather than read as a wrong position.
    /// </summary>
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerOptions.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public static string Encode<TPosition>(TPosition position) where TPosition : class =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(position, JsonSerializerOptions.Web));

    /// <summary>Decodes a cursor, or returns null when there is none (the first page).</summary>
    /// <param name="isValid">Further checks of the decoded position (e.g. that an id is time-based).</param>
    /// <exception cref="RequestValidationException">The cursor was not produced by <see cref="Encode{TPosition}"/> for this kind of position.</exception>
    public static TPosition? Decode<TPosition>(string? cursor, Func<TPosition, bool>? isValid = null) where TPosition : class
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var position = JsonSerializer.Deserialize<TPosition>(Base64Url.DecodeFromChars(cursor), Strict);
            return position is not null && (isValid?.Invoke(position) ?? true) ? position : throw Invalid();
        }
        catch (Exception e) when (e is FormatException or JsonException or NotSupportedException or ArgumentException)
        {
            throw Invalid();
        }
    }

    private static RequestValidationException Invalid() =>
        new("cursor", "The cursor is not valid. Pass back the nextCursor of a previous page unchanged.");
}
