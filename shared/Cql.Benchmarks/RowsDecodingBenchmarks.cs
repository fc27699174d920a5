using System.Buffers.Binary;
using System.Text;
using BenchmarkDotNet.Attributes;
using Tripmate.Cql.Protocol;

namespace Tripmate.Cql.Benchmarks;

/// <summary>Cost of decoding a ROWS response of 20 chat-message-like rows (6 columns).</summary>
[MemoryDiagnoser]
public class RowsDecodingBenchmarks
{
    private byte[] _frame = [];
    private FrameHeader _header;

    [GlobalSetup]
    public void Setup()
    {
        var body = new List<byte>();
        void Int(int v) { var b = new byte[4]; BinaryPrimitives.WriteInt32BigEndian(b, v); body.AddRange(b); }
        void Short(int v) { body.Add((byte)(v >> 8)); body.Add((byte)v); }
        void Str(string s) { var b = Encoding.UTF8.GetBytes(s); Short(b.Length); body.AddRange(b); }
        void Cell(byte[] b) { Int(b.Length); body.AddRange(b); }

        (string Name, int Type)[] columns = [("room_id", 0x0C), ("day", 0x0D), ("sent_at", 0x0B), ("message_id", 0x0F), ("author_id", 0x0C), ("body", 0x0D)];
        Int(2); Int(0x0003); Int(columns.Length); Int(16); body.AddRange(new byte[16]);
        Str("ks"); Str("messages");
        foreach (var (name, type) in columns) { Str(name); Short(type); }
        Int(20);
        for (var r = 0; r < 20; r++)
        {
            var ts = new byte[8];
            BinaryPrimitives.WriteInt64BigEndian(ts, 1_700_000_000_000 + r);
            Cell(Guid.NewGuid().ToByteArray());
            Cell(Encoding.UTF8.GetBytes("2026-11-25"));
            Cell(ts);
            Cell(Guid.NewGuid().ToByteArray());
            Cell(Guid.NewGuid().ToByteArray());
            Cell(Encoding.UTF8.GetBytes($"Message number {r}: see you at the station at nine."));
        }
        _frame = body.ToArray();
        _header = new FrameHeader(FrameHeader.ResponseVersion, FrameFlags.None, 1, Opcode.Result, _frame.Length);
    }

    [Benchmark]
    public int DecodeRows20() => ((ResultMessage)ResponseReader.Read(_header, _frame)).RowSet.Count;
}
