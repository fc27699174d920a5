using System.Buffers.Binary;

namespace Tripmate.Messaging.Store.Sqlite;

/// <summary>Messaging's own SQLite value, beside the shared ones (<see cref="Tripmate.Outbox.Sqlite.SqliteCommands"/>).</summary>
internal static class SqliteValues
{
    /// <summary>
    /// A key whose byte order (SQLite compares blobs with memcmp) is <see cref="TimeUuid.Compare"/>:
    /// the 60-bit timestamp big-endian, then the other 8 bytes with the sign bit flipped, because
    /// Cassandra compares those as signed bytes.
    /// </summary>
    public static byte[] SortKey(Guid timeUuid)
    {
        var key = new byte[16];
        var ticks = TimeUuid.GetTimestamp(timeUuid).UtcTicks;
        BinaryPrimitives.WriteInt64BigEndian(key, ticks);
        Span<byte> id = stackalloc byte[16];
        timeUuid.TryWriteBytes(id, bigEndian: true, out _);
        for (var i = 8; i < 16; i++)
        {
            key[i] = (byte)(id[i] ^ 0x80);
        }
        return key;
    }
}
