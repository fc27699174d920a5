using System.Buffers.Binary;
using System.Collections;
using System.Text;
using Tripmate.Cql.Protocol;

namespace Tripmate.Cql;

/// <summary>
/// Serializes bind values (spec section 6) straight into a frame. The declared type wins when known
/// (prepared metadata, <see cref="TypedValue"/>); otherwise the CLR type decides.
/// </summary>
internal static class ValueEncoder
{
    private const int NullLength = -1;
    private const int UnsetLength = -2;

    /// <summary>Writes a bind [value]: length prefix then content, or -1 for null and -2 for not set.</summary>
    public static void WriteValue(FrameBuilder frame, object? value, CqlType? declaredType)
    {
        // An empty list or set is sent as null, as the official drivers do: Cassandra stores a
        // non-frozen empty collection as no cells, which reads back as null anyway.
        if (Unwrap(value) is IEnumerable items and not string and not byte[] and not IDictionary && IsEmpty(items))
        {
            frame.WriteInt(NullLength);
            return;
        }
        WriteValueOrElement(frame, value, declaredType);
    }

    private static object? Unwrap(object? value) => value is TypedValue typed ? typed.Value : value;

    private static bool IsEmpty(IEnumerable items)
    {
        if (items is ICollection collection) return collection.Count == 0;
        var enumerator = items.GetEnumerator();
        try
        {
            return !enumerator.MoveNext();
        }
        finally
        {
            (enumerator as IDisposable)?.Dispose();
        }
    }

    private static void WriteValueOrElement(FrameBuilder frame, object? value, CqlType? declaredType)
    {
        if (value is TypedValue typed)
        {
            value = typed.Value;
            declaredType = typed.Type;
        }
        switch (value)
        {
            case null:
                frame.WriteInt(NullLength);
                return;
            case CqlUnset:
                frame.WriteInt(UnsetLength);
                return;
        }
        var start = frame.BeginLengthPrefixed();
        WriteContent(frame, value, declaredType ?? InferType(value));
        frame.EndLengthPrefixed(start);
    }

    public static CqlType InferType(object value) => value switch
    {
        string => CqlType.Varchar,
        int or short or byte => CqlType.Int,
        long => CqlType.Bigint,
        bool => CqlType.Boolean,
        double or float => CqlType.Double,
        DateTimeOffset or DateTime => CqlType.Timestamp,
        Guid => CqlType.Uuid,
        byte[] or ReadOnlyMemory<byte> or Memory<byte> => CqlType.Blob,
        TypedValue typed => typed.Type,
        IDictionary map => InferMapType(map),
        IEnumerable items => InferCollectionType(value, items),
        _ => throw new ArgumentException($"No CQL type for a value of CLR type {value.GetType()}; wrap it in a TypedValue."),
    };

    private static CqlType InferMapType(IDictionary map)
    {
        foreach (DictionaryEntry entry in map)
        {
            if (entry.Value is null) throw new ArgumentException("A map cannot contain null values.");
            return CqlType.MapOf(InferType(entry.Key), InferType(entry.Value));
        }
        // An empty map encodes the same whatever its element types.
        return CqlType.MapOf(CqlType.Blob, CqlType.Blob);
    }

    private static CqlType InferCollectionType(object collection, IEnumerable items)
    {
        var isSet = collection.GetType().GetInterfaces()
            .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ISet<>));
        var element = CqlType.Blob;
        foreach (var item in items)
        {
            element = InferType(item ?? throw new ArgumentException("A collection cannot contain null elements."));
            break;
        }
        return isSet ? CqlType.SetOf(element) : CqlType.ListOf(element);
    }

    private static void WriteContent(FrameBuilder frame, object value, CqlType type)
    {
        switch (type.Code)
        {
            case CqlTypeCode.Varchar:
                WriteUtf8(frame, (string)value);
                break;
            case CqlTypeCode.Ascii:
                WriteAscii(frame, (string)value);
                break;
            case CqlTypeCode.Int:
                frame.WriteInt(Convert.ToInt32(value));
                break;
            case CqlTypeCode.Bigint or CqlTypeCode.Counter:
                frame.WriteLong(Convert.ToInt64(value));
                break;
            case CqlTypeCode.Boolean:
                frame.WriteByte((bool)value ? (byte)1 : (byte)0);
                break;
            case CqlTypeCode.Double:
                WriteDouble(frame, Convert.ToDouble(value));
                break;
            case CqlTypeCode.Timestamp:
                frame.WriteLong(ToUnixMilliseconds(value));
                break;
            case CqlTypeCode.Uuid or CqlTypeCode.Timeuuid:
                ((Guid)value).TryWriteBytes(frame.Reserve(16), bigEndian: true, out _);
                break;
            case CqlTypeCode.List or CqlTypeCode.Set:
                WriteCollection(frame, (IEnumerable)value, type.Element);
                break;
            case CqlTypeCode.Map:
                WriteMap(frame, (IDictionary)value, type.Key, type.Element);
                break;
            default:
                // Types this client does not model (decimal, udt, ...) are passed through as serialized bytes.
                frame.WriteRaw(AsBytes(value, type));
                break;
        }
    }

    // .NET's NaN has the sign bit set; Java (Cassandra) and the official drivers use the canonical 0x7FF8000000000000.
    private static void WriteDouble(FrameBuilder frame, double value) =>
        BinaryPrimitives.WriteDoubleBigEndian(frame.Reserve(8), double.IsNaN(value) ? BitConverter.Int64BitsToDouble(0x7FF8000000000000) : value);

    private static void WriteUtf8(FrameBuilder frame, string value) =>
        Encoding.UTF8.GetBytes(value, frame.Reserve(Encoding.UTF8.GetByteCount(value)));

    private static void WriteAscii(FrameBuilder frame, string value)
    {
        foreach (var c in value)
            if (c > 127) throw new ArgumentException($"'{value}' is not ASCII; use text instead.");
        Encoding.ASCII.GetBytes(value, frame.Reserve(value.Length));
    }

    private static long ToUnixMilliseconds(object value) => value switch
    {
        DateTimeOffset offset => offset.ToUnixTimeMilliseconds(),
        DateTime { Kind: DateTimeKind.Unspecified } => throw new ArgumentException("A DateTime with unspecified kind is ambiguous; use UTC or DateTimeOffset."),
        DateTime time => new DateTimeOffset(time.ToUniversalTime()).ToUnixTimeMilliseconds(),
        long milliseconds => milliseconds,
        _ => throw new ArgumentException($"Cannot write {value.GetType()} as a timestamp."),
    };

    private static ReadOnlySpan<byte> AsBytes(object value, CqlType type) => value switch
    {
        byte[] bytes => bytes,
        ReadOnlyMemory<byte> memory => memory.Span,
        Memory<byte> memory => memory.Span,
        _ => throw new ArgumentException($"Cannot write {value.GetType()} as {type}."),
    };

    private static void WriteCollection(FrameBuilder frame, IEnumerable items, CqlType? elementType)
    {
        var countAt = frame.Length;
        frame.WriteInt(0);
        var count = 0;
        foreach (var item in items)
        {
            WriteElement(frame, item, elementType);
            count++;
        }
        frame.PatchInt(countAt, count);
    }

    private static void WriteMap(FrameBuilder frame, IDictionary map, CqlType? keyType, CqlType? valueType)
    {
        frame.WriteInt(map.Count);
        foreach (DictionaryEntry entry in map)
        {
            WriteElement(frame, entry.Key, keyType);
            WriteElement(frame, entry.Value, valueType);
        }
    }

    private static void WriteElement(FrameBuilder frame, object? element, CqlType? type)
    {
        if (element is null or CqlUnset) throw new ArgumentException("Collections cannot contain null or unset elements.");
        WriteValueOrElement(frame, element, type);
    }
}
