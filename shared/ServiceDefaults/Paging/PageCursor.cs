using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tripmate.ServiceDefaults.Errors;

namespace Tripmate.ServiceDefaults.Paging;

/// <summary>
/// Cursors are the position of the last row served (keyset paging), so a page stays correct while
/// rows are inserted before or after it. Each names the list it belongs to (the position's type,
/// and a scope such as the conversation for lists of one parent), so one list's cursor given to
/// another is a 400 rather than a position read as something it is not. Encoded as base64url
/// JSON: opaque to clients, and any tampering fails to decode or lands on rows the query already
/// restricts to the caller.
/// </summary>
public static class PageCursor
{
    /// <summary>Strict: a position must have exactly its own properties, all of them.</summary>
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerOptions.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <param name="scope">What the list belongs to, when several lists share a position type (e.g. a conversation's messages).</param>
    public static string Encode<TPosition>(TPosition position, string? scope = null) where TPosition : class =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Envelope<TPosition>(ListOf<TPosition>(scope), position), Strict));

    /// <summary>Decodes a cursor, or returns null when there is none (the first page).</summary>
    /// <param name="isValid">Further checks of the decoded position (e.g. that an id is time-based).</param>
    /// <exception cref="RequestValidationException">The cursor was not produced by <see cref="Encode{TPosition}"/> for this list.</exception>
    public static TPosition? Decode<TPosition>(string? cursor, string? scope = null, Func<TPosition, bool>? isValid = null) where TPosition : class
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope<TPosition>>(Base64Url.DecodeFromChars(cursor), Strict);
            return envelope is { Position: { } position } && envelope.List == ListOf<TPosition>(scope) && (isValid?.Invoke(position) ?? true)
                ? position
                : throw Invalid();
        }
        catch (Exception e) when (e is FormatException or JsonException or NotSupportedException or ArgumentException)
        {
            throw Invalid();
        }
    }

    private static string ListOf<TPosition>(string? scope) => scope is null ? typeof(TPosition).Name : $"{typeof(TPosition).Name}:{scope}";

    private static RequestValidationException Invalid() =>
        new("cursor", "The cursor is not valid for this list. Pass back the nextCursor of a previous page of the same list unchanged.");

    private sealed record Envelope<TPosition>(string List, TPosition Position);
}
