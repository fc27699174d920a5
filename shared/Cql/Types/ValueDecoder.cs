using System.Buffers.Binary;
using System.Text;
using Tripmate.Cql.Protocol;

namespace Tripmate.Cql;

/// <summary>
/// Deserializes cell values (spec section 6) to CLR values: text as string, int as int, bigint and
/// counter as long, timestamp as DateTimeOffset (UTC), uuid/timeuuid as Guid, blob as byte[],
/// list and set as List&lt;object?&gt; in wire order, map as Dictionary&lt;object, object?&gt; in wire order.
/// Types this client does not model come back as raw byte[].
/// </summary>
internal static class ValueDecoder
{
    public static object Decode(ReadOnlySpan<byte> bytes, CqlType type) => type.Code switch
    {
        CqlTypeCode.Varchar or CqlTypeCode.Ascii => Encoding.UTF8.GetString(bytes),
        CqlTypeCode.Int => BinaryPrimitives.ReadInt32BigEndian(Exactly(bytes, 4, type)),
        CqlTypeCode.Bigint or CqlTypeCode.Counter => BinaryPrimitives.ReadInt64BigEndian(Exactly(bytes, 8, type)),
        CqlTypeCode.Boolean => Exactly(bytes, 1, type)[0] != 0,
        CqlTypeCode.Double => BinaryPrimitives.ReadDoubleBigEndian(Exactly(bytes, 8, type)),
        CqlTypeCode.Timestamp => DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(Exactly(bytes, 8, type))),
        CqlTypeCode.Uuid or CqlTypeCode.Timeuuid => new Guid(Exactly(bytes, 16, type), bigEndian: true),
        CqlTypeCode.List or CqlTypeCode.Set => DecodeCollection(bytes, type.Element!),
        CqlTypeCode.Map => DecodeMap(bytes, type.Key!, type.Element!),
        _ => bytes.ToArray(),
    };

    private static ReadOnlySpan<byte> Exactly(ReadOnlySpan<byte> bytes, int size, CqlType type) =>
        bytes.Length == size ? bytes : throw new CqlResponseFormatException($"A {type} value must be {size} bytes, got {bytes.Length}.");

    private static List<object?> DecodeCollection(ReadOnlySpan<byte> bytes, CqlType elementType)
    {
        var reader = new ProtocolReader(bytes);
        var count = reader.ReadInt();
        var items = new List<object?>(Math.Min(count, reader.Remaining / 4));
        for (var i = 0; i < count; i++)
            items.Add(reader.TryReadBytes(out var element) ? Decode(element, elementType) : null);
        return items;
    }

    private static Dictionary<object, object?> DecodeMap(ReadOnlySpan<byte> bytes, CqlType keyType, CqlType valueType)
    {
        var reader = new ProtocolReader(bytes);
        var count = reader.ReadInt();
        var map = new Dictionary<object, object?>(Math.Min(count, reader.Remaining / 8));
        for (var i = 0; i < count; i++)
        {
            if (!reader.TryReadBytes(out var key)) throw new CqlResponseFormatException("A map key cannot be null.");
            var decodedKey = Decode(key, keyType);
            map[decodedKey] = reader.TryReadBytes(out var value) ? Decode(value, valueType) : null;
        }
        return map;
    }
}
