using System.Text;

namespace Tripmate.Gateway.Caching;

/// <summary>
/// A stored 200 answer as one Redis string: <c>asOf\n tags \ncontent-type\n body</c>. The first two
/// lines are read by the lookup script (<see cref="ResponseCacheStore"/>) to check that no tag was
/// evicted after <c>asOf</c>, the Redis time just before the backend was asked.
/// </summary>
public readonly record struct CachedResponse(string? ContentType, ReadOnlyMemory<byte> Body)
{
    public static byte[] Encode(string asOf, IEnumerable<string> tags, string? contentType, ReadOnlySpan<byte> body)
    {
        var header = Encoding.UTF8.GetBytes($"{asOf}\n{string.Join(' ', tags)}\n{contentType}\n");
        var entry = new byte[header.Length + body.Length];
        header.CopyTo(entry, 0);
        body.CopyTo(entry.AsSpan(header.Length));
        return entry;
    }

    public static CachedResponse Decode(byte[] entry)
    {
        var tagsStart = Array.IndexOf(entry, (byte)'\n') + 1;
        var typeStart = Array.IndexOf(entry, (byte)'\n', tagsStart) + 1;
        var bodyStart = Array.IndexOf(entry, (byte)'\n', typeStart) + 1;
        var contentType = bodyStart - 1 > typeStart ? Encoding.UTF8.GetString(entry, typeStart, bodyStart - 1 - typeStart) : null;
        return new CachedResponse(contentType, entry.AsMemory(bodyStart));
    }
}
