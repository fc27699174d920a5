using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Tripmate.Cql.Tests.Oracle;

/// <summary>
/// Writes response frames straight from the spec's notation (section 3), independent of the
/// library's encoder, so a shared misreading cannot make both sides agree.
/// </summary>
internal sealed class SpecFrameWriter
{
    private readonly List<byte> _body = [];

    public SpecFrameWriter Byte(byte value) { _body.Add(value); return this; }
    public SpecFrameWriter Short(int value) => Raw([(byte)(value >> 8), (byte)value]);
    public SpecFrameWriter Int(int value) { var b = new byte[4]; BinaryPrimitives.WriteInt32BigEndian(b, value); return Raw(b); }
    public SpecFrameWriter Raw(byte[] bytes) { _body.AddRange(bytes); return this; }
    public SpecFrameWriter String(string value) { var b = Encoding.UTF8.GetBytes(value); return Short(b.Length).Raw(b); }
    public SpecFrameWriter StringList(params string[] values) { Short(values.Length); foreach (var v in values) String(v); return this; }
    public SpecFrameWriter Bytes(byte[]? value) => value is null ? Int(-1) : Int(value.Length).Raw(value);
    public SpecFrameWriter ShortBytes(byte[] value) => Short(value.Length).Raw(value);
    public SpecFrameWriter Uuid(string value) => Raw(Convert.FromHexString(value.Replace("-", "")));

    /// <summary>An [option] type tree from CQL type syntax.</summary>
    public SpecFrameWriter Option(string type)
    {
        type = type.Replace(" ", "");
        if (type.StartsWith("list<")) return Short(0x20).Option(type[5..^1]);
        if (type.StartsWith("set<")) return Short(0x22).Option(type[4..^1]);
        if (type.StartsWith("map<"))
        {
            var inner = type[4..^1];
            var split = TopLevelComma(inner);
            return Short(0x21).Option(inner[..split]).Option(inner[(split + 1)..]);
        }
        return Short(type switch
        {
            "ascii" => 0x01, "bigint" => 0x02, "blob" => 0x03, "boolean" => 0x04, "counter" => 0x05, "double" => 0x07,
            "int" => 0x09, "timestamp" => 0x0B, "uuid" => 0x0C, "varchar" or "text" => 0x0D, "timeuuid" => 0x0F,
            _ => throw new ArgumentException(type),
        });
    }

    /// <summary>A cell: [bytes] holding the spec section 6 serialization of a JSON-form value.</summary>
    public SpecFrameWriter Cell(string type, JsonNode? value) => Bytes(value is null ? null : Serialize(type.Replace(" ", ""), value));

    public byte[] Frame(byte opcode, short streamId = 1, byte flags = 0, byte version = 0x84)
    {
        var frame = new byte[9 + _body.Count];
        frame[0] = version;
        frame[1] = flags;
        BinaryPrimitives.WriteInt16BigEndian(frame.AsSpan(2), streamId);
        frame[4] = opcode;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(5), _body.Count);
        _body.CopyTo(frame, 9);
        return frame;
    }

    private static byte[] Serialize(string type, JsonNode value)
    {
        if (type.StartsWith("list<") || type.StartsWith("set<"))
        {
            var element = type[(type.IndexOf('<') + 1)..^1];
            var items = new SpecFrameWriter().Int(value.AsArray().Count);
            foreach (var item in value.AsArray()) items.Bytes(Serialize(element, item!));
            return items._body.ToArray();
        }
        if (type.StartsWith("map<"))
        {
            var inner = type[4..^1];
            var split = TopLevelComma(inner);
            var entries = new SpecFrameWriter().Int(value.AsArray().Count);
            foreach (var entry in value.AsArray())
                entries.Bytes(Serialize(inner[..split], entry![0]!)).Bytes(entry[1] is null ? null : Serialize(inner[(split + 1)..], entry[1]!));
            return entries._body.ToArray();
        }
        var big = new byte[8];
        switch (type)
        {
            case "ascii" or "text" or "varchar":
                return Encoding.UTF8.GetBytes((string)value!);
            case "int":
                var four = new byte[4];
                BinaryPrimitives.WriteInt32BigEndian(four, (int)value);
                return four;
            case "bigint" or "counter" or "timestamp":
                BinaryPrimitives.WriteInt64BigEndian(big, long.Parse((string)value!, CultureInfo.InvariantCulture));
                return big;
            case "boolean":
                return [(bool)value ? (byte)1 : (byte)0];
            case "double":
                var number = value.GetValueKind() == System.Text.Json.JsonValueKind.String
                    ? double.Parse((string)value!, CultureInfo.InvariantCulture) : (double)value;
                BinaryPrimitives.WriteInt64BigEndian(big, double.IsNaN(number) ? 0x7FF8000000000000 : BitConverter.DoubleToInt64Bits(number));
                return big;
            case "uuid" or "timeuuid":
                return Convert.FromHexString(((string)value!).Replace("-", ""));
            case "blob":
                return Convert.FromHexString((string)value!);
            default:
                throw new ArgumentException(type);
        }
    }

    private static int TopLevelComma(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '<') depth++;
            else if (text[i] == '>') depth--;
            else if (text[i] == ',' && depth == 0) return i;
        }
        throw new ArgumentException(text);
    }
}
