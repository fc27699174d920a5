using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Tripmate.Cql.Tests.Oracle;

/// <summary>
/// The documented, deliberate differences between the Node driver's requests and ours, removed
/// from the driver's bytes only and only where each one lives, so every byte we write is still compared:
/// 1. STARTUP: the driver names itself in DRIVER_NAME/DRIVER_VERSION; we name ourselves. Only those two values are swapped.
/// 2. QUERY/EXECUTE: by default the driver sends a client timestamp (flag 0x20 + trailing [long]);
///    we let the server assign it unless asked. Only that flag bit and those 8 bytes are removed.
/// 3. Stream ids: not normalized at all; both sides write the case's stream id.
/// </summary>
internal static class DriverDifferences
{
    private const byte DefaultTimestampFlag = 0x20;

    public static byte[] WithoutClientTimestamp(byte[] driverFrame, string generatedMicros, int flagsOffset)
    {
        var flags = driverFrame[flagsOffset];
        if ((flags & DefaultTimestampFlag) == 0)
            throw new InvalidOperationException("Expected the driver to set the client timestamp flag.");
        var trailing = BinaryPrimitives.ReadInt64BigEndian(driverFrame.AsSpan(driverFrame.Length - 8));
        if (trailing != long.Parse(generatedMicros, CultureInfo.InvariantCulture))
            throw new InvalidOperationException($"Expected the frame to end with the driver's timestamp {generatedMicros}, found {trailing}.");
        var result = driverFrame[..^8];
        result[flagsOffset] = (byte)(flags & ~DefaultTimestampFlag);
        BinaryPrimitives.WriteInt32BigEndian(result.AsSpan(5), result.Length - 9);
        return result;
    }

    public static byte[] WithDriverIdentity(byte[] driverStartupFrame, IReadOnlyList<KeyValuePair<string, string>> ourOptions)
    {
        var ours = ourOptions.ToDictionary(o => o.Key, o => o.Value);
        var body = driverStartupFrame.AsSpan(9);
        var count = BinaryPrimitives.ReadUInt16BigEndian(body);
        var position = 2;
        var rebuilt = new List<byte>(driverStartupFrame[..9]);
        rebuilt.AddRange(body[..2].ToArray());
        for (var i = 0; i < count; i++)
        {
            var key = ReadString(body, ref position);
            var value = ReadString(body, ref position);
            if (key is "DRIVER_NAME" or "DRIVER_VERSION") value = ours[key];
            AddString(rebuilt, key);
            AddString(rebuilt, value);
        }
        var result = rebuilt.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(result.AsSpan(5), result.Length - 9);
        return result;
    }

    private static string ReadString(ReadOnlySpan<byte> body, ref int position)
    {
        var length = BinaryPrimitives.ReadUInt16BigEndian(body[position..]);
        var text = Encoding.UTF8.GetString(body.Slice(position + 2, length));
        position += 2 + length;
        return text;
    }

    private static void AddString(List<byte> target, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        target.Add((byte)(bytes.Length >> 8));
        target.Add((byte)bytes.Length);
        target.AddRange(bytes);
    }
}
