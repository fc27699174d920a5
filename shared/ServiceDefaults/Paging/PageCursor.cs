using System.Buffers.Text;
using System.Text.Json;
using Tripmate.ServiceDefaults.Errors;

namespace Tripmate.ServiceDefaults.Paging;

/// <summary>
/// Cursors are the sort key of the last row served (keyset paging), so a page stays correct while
/// rows are inserted before or after it. Each names the list it belongs to, so one list's cursor
/// given to another is a 400 rather than a position read as something it is not. Encoded as
/// base64url JSON: opaque to clients, and any tampering fails to decode or lands on rows the query
/// already restricts to the caller.
/// </summary>
public static class PageCursor
{
    /// <summary>The list of cursors made by the overloads without a list name (stores that encode their own positions).</summary>
    private const string Unnamed = "";

    public static string Encode<TKey>(string list, TKey key) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Envelope<TKey>(list, key), JsonSerializerOptions.Web));

    /// <summary>Decodes a cursor of <paramref name="list"/>, or returns default when there is none (the first page).</summary>
    /// <exception cref="RequestValidationException">The cursor was not produced by <see cref="Encode{TKey}(string, TKey)"/> for this list.</exception>
    public static TKey? Decode<TKey>(string list, string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return default;
        }

        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope<TKey>>(Base64Url.DecodeFromChars(cursor), JsonSerializerOptions.Web);
            return envelope is { Key: not null } && envelope.List == list ? envelope.Key : throw Invalid();
        }
        catch (Exception e) when (e is FormatException or JsonException or NotSupportedException)
        {
            throw Invalid();
        }
    }

    public static string Encode<TKey>(TKey key) => Encode(Unnamed, key);

    public static TKey? Decode<TKey>(string? cursor) => Decode<TKey>(Unnamed, cursor);

    private static RequestValidationException Invalid() =>
        new("cursor", "The cursor is not valid for this list. Pass back the nextCursor of a previous page of the same list unchanged.");

    private sealed record Envelope<TKey>(string List, TKey Key);
}
