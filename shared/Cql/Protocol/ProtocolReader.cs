using System.Buffers.Binary;
using System.Text;

namespace Tripmate.Cql.Protocol;

/// <summary>Reads the notations of spec section 3 from a frame body; a truncated body raises <see cref="CqlResponseFormatException"/>.</summary>
internal ref struct ProtocolReader(ReadOnlySpan<byte> body)
{
    private readonly ReadOnlySpan<byte> _body = body;
    private int _position;

    public readonly int Remaining => _body.Length - _position;

    public byte ReadByte() => Take(1)[0];

    public ushort ReadShort() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public int ReadInt() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

    public long ReadLong() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

    public Guid ReadUuid() => new(Take(16), bigEndian: true);

    public string ReadString() => Encoding.UTF8.GetString(Take(ReadShort()));

    public string ReadLongString() => Encoding.UTF8.GetString(Take(CheckedLength(ReadInt())));

    /// <summary>[bytes]: returns false for a null value (negative length).</summary>
    public bool TryReadBytes(out ReadOnlySpan<byte> value)
    {
        var length = ReadInt();
        if (length < 0)
        {
            value = default;
            return false;
        }
        value = Take(length);
        return true;
    }

    public byte[]? ReadBytesOrNull() => TryReadBytes(out var value) ? value.ToArray() : null;

    public ReadOnlySpan<byte> ReadShortBytes() => Take(ReadShort());

    public IReadOnlyList<string> ReadStringList()
    {
        var count = ReadShort();
        if (count == 0) return [];
        var list = new string[count];
        for (var i = 0; i < count; i++) list[i] = ReadString();
        return list;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> ReadStringMultimap()
    {
        var count = ReadShort();
        var map = new Dictionary<string, IReadOnlyList<string>>(count);
        for (var i = 0; i < count; i++) map[ReadString()] = ReadStringList();
        return map;
    }

    private readonly int CheckedLength(int length) =>
        length < 0 ? throw new CqlResponseFormatException($"Negative length {length} where a value is required.") : length;

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
            throw new CqlResponseFormatException($"Frame body truncated: needed {count} bytes at offset {_position}, {Remaining} left.");
        var span = _body.Slice(_position, count);
        _position += count;
        return span;
    }
}
