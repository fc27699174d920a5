using BenchmarkDotNet.Attributes;
using Tripmate.Cql;
using Tripmate.Cql.Protocol;

namespace Tripmate.Cql.Benchmarks;

/// <summary>Cost of writing a typical QUERY and EXECUTE frame (what each request pays before the socket).</summary>
[MemoryDiagnoser]
public class RequestEncodingBenchmarks
{
    private const string InsertMessage = "INSERT INTO messages (room_id, day, sent_at, message_id, author_id, body) VALUES (?, ?, ?, ?, ?, ?)";
    private readonly FrameBuilder _frame = new(1024);
    private readonly byte[] _preparedId = Convert.FromHexString("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
    private readonly QueryParameters _parameters = new(Consistency.LocalQuorum, PageSize: 100);
    private object?[] _values = [];
    private CqlColumn[] _variables = [];

    [GlobalSetup]
    public void Setup()
    {
        _values = [Guid.NewGuid(), "2026-11-25", DateTimeOffset.UtcNow, Guid.NewGuid(), Guid.NewGuid(), "Hello there, see you at the station at nine."];
        _variables =
        [
            new("ks", "messages", "room_id", CqlType.Uuid), new("ks", "messages", "day", CqlType.Varchar),
            new("ks", "messages", "sent_at", CqlType.Timestamp), new("ks", "messages", "message_id", CqlType.Timeuuid),
            new("ks", "messages", "author_id", CqlType.Uuid), new("ks", "messages", "body", CqlType.Varchar),
        ];
    }

    [Benchmark]
    public int EncodeQuery()
    {
        RequestWriter.WriteQuery(_frame, 1, InsertMessage, _values, _parameters);
        return _frame.Length;
    }

    [Benchmark]
    public int EncodeExecute()
    {
        RequestWriter.WriteExecute(_frame, 1, _preparedId, _values, _variables, _parameters);
        return _frame.Length;
    }

    /// <summary>The per-request path of the session: a fresh builder renting its buffer from the pool.</summary>
    [Benchmark]
    public int EncodeExecuteWithFreshBuilder()
    {
        using var frame = new FrameBuilder();
        RequestWriter.WriteExecute(frame, 1, _preparedId, _values, _variables, _parameters);
        return frame.Length;
    }

    [GlobalCleanup]
    public void Cleanup() => _frame.Dispose();
}
