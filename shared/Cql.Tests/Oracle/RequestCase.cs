using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Tripmate.Cql.Connections;
using Tripmate.Cql.Protocol;

namespace Tripmate.Cql.Tests.Oracle;

/// <summary>One request in the oracle table: how the Node driver should write it and how our client writes it.</summary>
internal sealed record RequestCase(string Name, string Op)
{
    public short StreamId { get; init; } = 1;
    public string? Cql { get; init; }
    public string? IdHex { get; init; }
    public string? TokenHex { get; init; }
    public IReadOnlyList<TestValue> Values { get; init; } = [];
    public IReadOnlyList<string>? Names { get; init; }
    public Consistency Consistency { get; init; } = Consistency.One;
    public Consistency? SerialConsistency { get; init; }
    public int PageSize { get; init; }
    public string? PagingStateHex { get; init; }

    /// <summary>Microseconds as digits, or "generate" for the driver's own client-side timestamp.</summary>
    public string? Timestamp { get; init; }

    public bool Tracing { get; init; }
    public BatchType BatchType { get; init; }
    public IReadOnlyList<BatchCaseEntry> Entries { get; init; } = [];

    /// <summary>Our STARTUP options; null means the client's real defaults.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? StartupOptions { get; init; }

    public bool GeneratesDriverTimestamp => Timestamp == "generate";

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["name"] = Name,
            ["op"] = Op,
            ["streamId"] = StreamId,
            ["cql"] = Cql,
            ["id"] = IdHex,
            ["token"] = TokenHex,
            ["values"] = new JsonArray(Values.Select(v => (JsonNode)v.ToJson()).ToArray()),
            ["consistency"] = (int)Consistency,
            ["batchType"] = (int)BatchType,
            ["tracing"] = Tracing,
            ["entries"] = new JsonArray(Entries.Select(e => (JsonNode)e.ToJson()).ToArray()),
        };
        if (Names is not null) json["names"] = new JsonArray(Names.Select(n => (JsonNode)n).ToArray());
        if (SerialConsistency is { } serial) json["serialConsistency"] = (int)serial;
        if (PageSize > 0) json["pageSize"] = PageSize;
        if (PagingStateHex is not null) json["pagingState"] = PagingStateHex;
        if (Timestamp is not null) json["timestamp"] = Timestamp;
        return json;
    }

    public byte[] EncodeOurs()
    {
        using var frame = new FrameBuilder(64);
        var values = Values.Select(v => v.Clr).ToList();
        switch (Op)
        {
            case "startup":
                RequestWriter.WriteStartup(frame, StreamId, StartupOptions ?? Tripmate.Cql.Connections.StartupOptions.Default);
                break;
            case "options":
                RequestWriter.WriteOptions(frame, StreamId);
                break;
            case "authResponse":
                RequestWriter.WriteAuthResponse(frame, StreamId, Convert.FromHexString(TokenHex!));
                break;
            case "prepare":
                RequestWriter.WritePrepare(frame, StreamId, Cql!);
                break;
            case "query":
                RequestWriter.WriteQuery(frame, StreamId, Cql!, values, Parameters());
                break;
            case "execute":
                RequestWriter.WriteExecute(frame, StreamId, Convert.FromHexString(IdHex!), values, Variables(Values), Parameters());
                break;
            case "batch":
                var batch = new CqlBatch(BatchType);
                foreach (var entry in Entries)
                {
                    var entryValues = entry.Values.Select(v => v.Clr).ToArray();
                    if (entry.IdHex is null) batch.Add(entry.Cql!, entryValues);
                    else batch.Add(new PreparedStatement(entry.Cql!, Convert.FromHexString(entry.IdHex), Variables(entry.Values), [], []), entryValues);
                }
                RequestWriter.WriteBatch(frame, StreamId, batch, Parameters());
                break;
            default:
                throw new InvalidOperationException($"Unknown op {Op}.");
        }
        return frame.Written.ToArray();
    }

    /// <summary>Offset of the &lt;flags&gt; byte in a QUERY or EXECUTE frame, from the case's own fields.</summary>
    public int QueryFlagsOffset => Op switch
    {
        "query" => FrameHeader.Size + 4 + Encoding.UTF8.GetByteCount(Cql!) + 2,
        "execute" => FrameHeader.Size + 2 + IdHex!.Length / 2 + 2,
        _ => throw new InvalidOperationException($"{Op} has no query flags at a fixed offset."),
    };

    private QueryParameters Parameters() => new(
        Consistency,
        PageSize,
        PagingStateHex is null ? null : Convert.FromHexString(PagingStateHex),
        SerialConsistency,
        Timestamp is null || GeneratesDriverTimestamp ? null : long.Parse(Timestamp, CultureInfo.InvariantCulture),
        SkipMetadata: false,
        Tracing,
        Names);

    private static IReadOnlyList<CqlColumn> Variables(IReadOnlyList<TestValue> values) =>
        values.Select((v, i) => new CqlColumn("ks", "tbl", $"p{i}", CqlType.Parse(v.Type))).ToList();
}

internal sealed record BatchCaseEntry(string Cql, string? IdHex, params TestValue[] Values)
{
    public JsonObject ToJson() => new()
    {
        ["cql"] = Cql,
        ["id"] = IdHex,
        ["values"] = new JsonArray(Values.Select(v => (JsonNode)v.ToJson()).ToArray()),
    };
}
