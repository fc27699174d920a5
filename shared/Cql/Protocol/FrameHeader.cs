using System.Buffers.Binary;

namespace Tripmate.Cql.Protocol;

/// <summary>The fixed 9-byte header in front of every frame (spec section 2).</summary>
internal readonly record struct FrameHeader(byte Version, FrameFlags Flags, short StreamId, Opcode Opcode, int BodyLength)
{
    public const int Size = 9;
    public const byte RequestVersion = 0x04;
    public const byte ResponseVersion = 0x84;

    /// <summary>Server-initiated frames (EVENT) use negative stream ids.</summary>
    public bool IsServerPush => StreamId < 0;

    public static FrameHeader Read(ReadOnlySpan<byte> source) => new(
        source[0],
        (FrameFlags)source[1],
        BinaryPrimitives.ReadInt16BigEndian(source[2..]),
        (Opcode)source[4],
        BinaryPrimitives.ReadInt32BigEndian(source[5..]));
}
