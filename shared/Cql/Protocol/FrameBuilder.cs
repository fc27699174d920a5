using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Tripmate.Cql.Protocol;

/// <summary>
/// Writes one frame into a pooled buffer. The length field is patched at the end, so the body
/// is written once with no intermediate copies (unlike writing parts and concatenating them).
/// </summary>
internal sealed class FrameBuilder : IDisposable
{
    private byte[] _buffer;
    private int _length;

    public FrameBuilder(int initialCapacity = 512) => _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);

    public int Length => _length;

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    public void Start(Opcode opcode, short streamId, FrameFlags flags = FrameFlags.None)
    {
        _length = 0;
        var header = Reserve(FrameHeader.Size);
        header[0] = FrameHeader.RequestVersion;
        header[1] = (byte)flags;
        BinaryPrimitives.WriteInt16BigEndian(header[2..], streamId);
        header[4] = (byte)opcode;
    }

    /// <summary>Patches the body length into the header and returns the complete frame.</summary>
    public ReadOnlyMemory<byte> Finish()
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(5), _length - FrameHeader.Size);
        return Written;
    }

    /// <summary>Rewrites the stream id of an already built frame (the id is chosen at send time).</summary>
    public void SetStreamId(short streamId) => BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(2), streamId);

    public void WriteByte(byte value) => Reserve(1)[0] = value;

    public void WriteShort(ushort value) => BinaryPrimitives.WriteUInt16BigEndian(Reserve(2), value);

    public void WriteInt(int value) => BinaryPrimitives.WriteInt32BigEndian(Reserve(4), value);

    public void WriteLong(long value) => BinaryPrimitives.WriteInt64BigEndian(Reserve(8), value);

    public void WriteRaw(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    /// <summary>[string]: a [short] length then UTF-8 bytes.</summary>
    public void WriteString(string value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        if (byteCount > ushort.MaxValue) throw new ArgumentException("A [string] cannot exceed 65535 bytes.", nameof(value));
        WriteShort((ushort)byteCount);
        Encoding.UTF8.GetBytes(value, Reserve(byteCount));
    }

    /// <summary>[long string]: an [int] length then UTF-8 bytes.</summary>
    public void WriteLongString(string value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        WriteInt(byteCount);
        Encoding.UTF8.GetBytes(value, Reserve(byteCount));
    }

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteInt(value.Length);
        WriteRaw(value);
    }

    public void WriteShortBytes(ReadOnlySpan<byte> value)
    {
        if (value.Length > ushort.MaxValue) throw new ArgumentException("[short bytes] cannot exceed 65535 bytes.", nameof(value));
        WriteShort((ushort)value.Length);
        WriteRaw(value);
    }

    public void WriteStringMap(IReadOnlyList<KeyValuePair<string, string>> entries)
    {
        WriteShort((ushort)entries.Count);
        foreach (var (key, value) in entries)
        {
            WriteString(key);
            WriteString(value);
        }
    }

    /// <summary>Reserves a 4-byte length prefix whose value is filled in by <see cref="EndLengthPrefixed"/>.</summary>
    public int BeginLengthPrefixed()
    {
        Reserve(4);
        return _length;
    }

    public void EndLengthPrefixed(int start) =>
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(start - 4), _length - start);

    /// <summary>Overwrites an [int] written earlier, for counts known only after writing the items.</summary>
    public void PatchInt(int position, int value) => BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(position), value);

    public Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length) Grow(_length + count);
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }

    private void Grow(int required)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(required, _buffer.Length * 2));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }
}
