using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Tripmate.Messaging.Store;

/// <summary>
/// Version-1 (time-based) UUIDs, Cassandra's <c>timeuuid</c>: a 60-bit count of 100 ns ticks since
/// 1582-10-15, a 14-bit clock sequence and a 48-bit node. The timestamp orders messages and
/// notifications and picks their time bucket; the other 62 bits keep ids made in the same tick apart.
/// </summary>
public static class TimeUuid
{
    private static readonly long GregorianEpochTicks = new DateTimeOffset(1582, 10, 15, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    /// <summary>A new id at <paramref name="at"/> with random clock sequence and node.</summary>
    public static Guid NewId(DateTimeOffset at)
    {
        Span<byte> tail = stackalloc byte[8];
        RandomNumberGenerator.Fill(tail);
        return Create(at, tail);
    }

    /// <summary>
    /// The same id every time for the same time and seeds: how an event becomes a notification
    /// id, so that a redelivered event finds its notification already stored.
    /// </summary>
    public static Guid Derive(DateTimeOffset at, Guid seed, Guid otherSeed)
    {
        Span<byte> input = stackalloc byte[32];
        seed.TryWriteBytes(input[..16], bigEndian: true, out _);
        otherSeed.TryWriteBytes(input[16..], bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return Create(at, hash[..8]);
    }

    /// <summary>The smallest id at this instant (like CQL's <c>minTimeuuid</c>), for range bounds.</summary>
    public static Guid Min(DateTimeOffset at)
    {
        Span<byte> tail = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80];
        return Create(at, tail, keepTail: true);
    }

    public static DateTimeOffset GetTimestamp(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        if ((bytes[6] >> 4) != 1)
        {
            throw new ArgumentException($"{id} is not a time-based (version 1) UUID.", nameof(id));
        }
        long timeLow = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        long timeMid = BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]);
        long timeHigh = BinaryPrimitives.ReadUInt16BigEndian(bytes[6..]) & 0x0FFF;
        var ticks = (timeHigh << 48) | (timeMid << 32) | timeLow;
        return new DateTimeOffset(GregorianEpochTicks + ticks, TimeSpan.Zero);
    }

    public static bool IsTimeUuid(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return (bytes[6] >> 4) == 1 && (bytes[8] & 0xC0) == 0x80;
    }

    /// <summary>
    /// Cassandra's timeuuid order: by timestamp, then by the remaining bytes compared as signed
    /// bytes. Stores that are not Cassandra sort with this so both agree.
    /// </summary>
    public static int Compare(Guid x, Guid y)
    {
        var byTime = GetTimestamp(x).UtcTicks.CompareTo(GetTimestamp(y).UtcTicks);
        if (byTime != 0)
        {
            return byTime;
        }
        Span<byte> a = stackalloc byte[16];
        Span<byte> b = stackalloc byte[16];
        x.TryWriteBytes(a, bigEndian: true, out _);
        y.TryWriteBytes(b, bigEndian: true, out _);
        for (var i = 8; i < 16; i++)
        {
            var c = ((sbyte)a[i]).CompareTo((sbyte)b[i]);
            if (c != 0)
            {
                return c;
            }
        }
        return 0;
    }

    private static Guid Create(DateTimeOffset at, ReadOnlySpan<byte> tail, bool keepTail = false)
    {
        var ticks = at.UtcTicks - GregorianEpochTicks;
        if (ticks < 0 || ticks >= 1L << 60)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, "Outside the range a time-based UUID can hold.");
        }
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)ticks);
        BinaryPrimitives.WriteUInt16BigEndian(bytes[4..], (ushort)(ticks >> 32));
        BinaryPrimitives.WriteUInt16BigEndian(bytes[6..], (ushort)(((ticks >> 48) & 0x0FFF) | 0x1000));
        tail.CopyTo(bytes[8..]);
        if (!keepTail)
        {
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
            bytes[10] |= 0x01;                           // multicast bit: a random node, not a MAC
        }
        return new Guid(bytes, bigEndian: true);
    }
}
