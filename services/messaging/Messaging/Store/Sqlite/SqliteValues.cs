using System.Buffers.Binary;
using Microsoft.Data.Sqlite;

namespace Tripmate.Messaging.Store.Sqlite;

/// <summary>How values are kept in SQLite: ids as text, times as Unix milliseconds (Cassandra's precision).</summary>
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

    public static long ToMillis(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMillis(long millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis);

    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value switch
        {
            null => DBNull.Value,
            Guid id => id.ToString(),
            DateTimeOffset at => ToMillis(at),
            bool flag => flag ? 1 : 0,
            _ => value,
        });
        return command;
    }

    public static Guid GetId(this SqliteDataReader reader, int ordinal) => Guid.Parse(reader.GetString(ordinal));

    public static Guid? GetIdOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetId(ordinal);

    public static DateTimeOffset GetTime(this SqliteDataReader reader, int ordinal) => FromMillis(reader.GetInt64(ordinal));

    public static DateTimeOffset? GetTimeOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetTime(ordinal);

    public static string? GetStringOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
