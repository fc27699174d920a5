using System.Text.Json.Nodes;

namespace Tripmate.Cql.Tests.Oracle;

internal sealed record ResponseCase(string Name, byte[] Frame);

/// <summary>Response frames written from the spec; both readers must decode each to the same description.</summary>
internal static class ResponseCases
{
    private const byte Error = 0x00, Ready = 0x02, Authenticate = 0x03, Supported = 0x06, Result = 0x08, Event = 0x0C, AuthChallenge = 0x0E, AuthSuccess = 0x10;
    private const byte TracingFlag = 0x02, WarningFlag = 0x08;
    private const string U1 = "3e8b2a5c-7f41-4d8e-9c2b-1a2b3c4d5e6f";
    private const string TimeU = "d2177dd0-eaa2-11de-a572-001b779c76e3";

    private static readonly (string Name, string Type)[] EveryTypeColumns =
    [
        ("c_ascii", "ascii"), ("c_text", "varchar"), ("c_int", "int"), ("c_bigint", "bigint"), ("c_boolean", "boolean"),
        ("c_double", "double"), ("c_timestamp", "timestamp"), ("c_uuid", "uuid"), ("c_timeuuid", "timeuuid"), ("c_blob", "blob"),
        ("c_counter", "counter"), ("c_list", "list<int>"), ("c_set", "set<varchar>"), ("c_map", "map<varchar,bigint>"),
        ("c_list_ts", "list<timestamp>"), ("c_map_uuid", "map<uuid,boolean>"), ("c_nested", "map<int,list<varchar>>"),
    ];

    private static JsonNode?[] FullRow() =>
    [
        V.Ascii("ascii").Json, V.Text("ünïcødé ✓").Json, V.Int(-7).Json, V.Bigint(9_007_199_254_740_993).Json, V.Boolean(true).Json,
        V.Double(2.5).Json, V.Timestamp(1_700_000_000_123).Json, V.Uuid(U1).Json, V.Timeuuid(TimeU).Json, V.Blob("00ff").Json,
        V.Bigint(42).Json, V.List("int", V.Int(1), V.Int(2)).Json, V.Set("varchar", V.Text("a"), V.Text("b")).Json,
        V.Map("varchar", "bigint", (V.Text("x"), V.Bigint(-1))).Json, V.List("timestamp", V.Timestamp(-1)).Json,
        V.Map("uuid", "boolean", (V.Uuid(U1), V.Boolean(false))).Json,
        V.Map("int", "list<varchar>", (V.Int(3), V.List("varchar", V.Text("p"), V.Text("q")))).Json,
    ];

    private static JsonNode?[] EdgeRow() =>
    [
        V.Ascii("").Json, V.Text("").Json, V.Int(int.MinValue).Json, V.Bigint(long.MinValue).Json, V.Boolean(false).Json,
        V.Double(double.NaN).Json, V.Timestamp(-62_135_596_800_000).Json, V.Uuid("00000000-0000-0000-0000-000000000000").Json, V.Timeuuid(TimeU).Json, V.Blob("").Json,
        V.Bigint(long.MaxValue).Json, V.List("int").Json, V.Set("varchar").Json, V.Map("varchar", "bigint").Json,
        V.List("timestamp").Json, V.Map("uuid", "boolean").Json, V.Map("int", "list<varchar>").Json,
    ];

    private static JsonNode?[] NullRow() => new JsonNode?[EveryTypeColumns.Length];

    public static IReadOnlyList<ResponseCase> All() =>
    [
        new("rows, every type, global table spec, paging state", Rows(global: true, pagingState: [0x00, 0x04, 0xde, 0xad, 0xbe, 0xef], FullRow(), EdgeRow(), NullRow()).Frame(Result)),
        new("rows, per-column table spec, last page", Rows(global: false, pagingState: null, FullRow()).Frame(Result)),
        new("rows, zero rows with paging state", Rows(global: true, pagingState: [0x01]).Frame(Result)),
        new("rows, double infinities", DoubleRows(double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -1e300).Frame(Result)),
        new("rows, with warnings", Warnings(new SpecFrameWriter(), "Aggregation query used without partition key", "second").Int(0x0002).Int(0x0001).Int(1).String("ks").String("t").String("n").Option("int").Int(1).Cell("int", 5).Frame(Result, flags: WarningFlag)),
        new("rows, with tracing id and warnings", Warnings(new SpecFrameWriter().Uuid(TimeU), "w").Int(0x0001).Int(1).String("ks").String("t").String("n").Option("varchar").Int(1).Cell("varchar", "v").Frame(Result, flags: TracingFlag | WarningFlag)),
        new("rows, unknown trailing bytes ignored", Rows(global: true, pagingState: null, FullRow()).Raw([0xCA, 0xFE, 0xBA, 0xBE]).Frame(Result)),

        new("void", new SpecFrameWriter().Int(1).Frame(Result)),
        new("void, unknown trailing bytes ignored", new SpecFrameWriter().Int(1).Raw([1, 2, 3]).Frame(Result)),
        new("set keyspace", new SpecFrameWriter().Int(3).String("tripmate_messaging").Frame(Result)),
        new("prepared, global spec and partition key indexes", new SpecFrameWriter().Int(4).ShortBytes(Convert.FromHexString("0a1b2c3d4e5f60718293a4b5c6d7e8f9"))
            .Int(0x0001).Int(3).Int(2).Short(1).Short(0).String("ks").String("messages")
            .String("room").Option("uuid").String("day").Option("timestamp").String("tags").Option("set<varchar>")
            .Int(0x0001).Int(1).String("ks").String("messages").String("body").Option("varchar").Frame(Result)),
        new("prepared, per-column spec, no partition key, no result metadata", new SpecFrameWriter().Int(4).ShortBytes([0xff])
            .Int(0).Int(1).Int(0).String("ks").String("t").String("v").Option("map<varchar,list<int>>")
            .Int(0x0004).Int(0).Frame(Result)),
        new("schema change, keyspace", new SpecFrameWriter().Int(5).String("CREATED").String("KEYSPACE").String("ks").Frame(Result)),
        new("schema change, table", new SpecFrameWriter().Int(5).String("UPDATED").String("TABLE").String("ks").String("messages").Frame(Result)),
        new("schema change, type", new SpecFrameWriter().Int(5).String("DROPPED").String("TYPE").String("ks").String("address").Frame(Result)),
        new("schema change, function", new SpecFrameWriter().Int(5).String("CREATED").String("FUNCTION").String("ks").String("fn").StringList("int", "text").Frame(Result)),
        new("schema change, aggregate", new SpecFrameWriter().Int(5).String("CREATED").String("AGGREGATE").String("ks").String("agg").StringList("bigint").Frame(Result)),

        new("ready", new SpecFrameWriter().Frame(Ready)),
        new("authenticate", new SpecFrameWriter().String("org.apache.cassandra.auth.PasswordAuthenticator").Frame(Authenticate)),
        new("auth challenge", new SpecFrameWriter().Bytes([1, 2, 3]).Frame(AuthChallenge)),
        new("auth success", new SpecFrameWriter().Bytes(null).Frame(AuthSuccess)),
        new("supported", new SpecFrameWriter().Short(2).String("CQL_VERSION").StringList("3.4.5").String("COMPRESSION").StringList("snappy", "lz4").Frame(Supported)),
        new("event, status change (stream -1)", new SpecFrameWriter().String("STATUS_CHANGE").String("UP").Byte(4).Raw([127, 0, 0, 1]).Int(9042).Frame(Event, streamId: -1)),

        ErrorCase("server error", 0x0000, "boom"),
        ErrorCase("protocol error", 0x000A, "bad frame"),
        ErrorCase("authentication error", 0x0100, "Provided username cassandra and/or password are incorrect"),
        ErrorCase("unavailable", 0x1000, "Cannot achieve consistency level QUORUM", w => w.Short(0x0004).Int(2).Int(1)),
        ErrorCase("overloaded", 0x1001, "too busy"),
        ErrorCase("is bootstrapping", 0x1002, "bootstrapping"),
        ErrorCase("truncate error", 0x1003, "truncate failed"),
        ErrorCase("write timeout", 0x1100, "Operation timed out", w => w.Short(0x0006).Int(1).Int(2).String("BATCH_LOG")),
        ErrorCase("write timeout, simple", 0x1100, "Operation timed out", w => w.Short(0x0001).Int(0).Int(1).String("SIMPLE")),
        ErrorCase("read timeout, data present", 0x1200, "Operation timed out", w => w.Short(0x0004).Int(2).Int(2).Byte(1)),
        ErrorCase("read timeout, data missing", 0x1200, "Operation timed out", w => w.Short(0x000A).Int(0).Int(1).Byte(0)),
        ErrorCase("read failure", 0x1300, "Operation failed", w => w.Short(0x0005).Int(1).Int(3).Int(2).Byte(0)),
        ErrorCase("function failure", 0x1400, "fn threw", w => w.String("ks").String("fn").StringList("int", "list<text>")),
        ErrorCase("write failure", 0x1500, "Operation failed", w => w.Short(0x0004).Int(1).Int(2).Int(1).String("UNLOGGED_BATCH")),
        ErrorCase("syntax error", 0x2000, "line 1:0 no viable alternative"),
        ErrorCase("unauthorized", 0x2100, "User x has no SELECT permission"),
        ErrorCase("invalid", 0x2200, "Undefined column name y"),
        ErrorCase("config error", 0x2300, "bad config"),
        ErrorCase("already exists, table", 0x2400, "Table ks.t already exists", w => w.String("ks").String("t")),
        ErrorCase("already exists, keyspace", 0x2400, "Keyspace ks already exists", w => w.String("ks").String("")),
        ErrorCase("unprepared", 0x2500, "Prepared query with ID 0a1b not found", w => w.ShortBytes([0x0a, 0x1b, 0x2c])),
        ErrorCase("unavailable, unknown trailing bytes ignored", 0x1000, "x", w => w.Short(0x0001).Int(1).Int(0).Raw([9, 9])),
    ];

    private static ResponseCase ErrorCase(string name, int code, string message, Action<SpecFrameWriter>? details = null)
    {
        var writer = new SpecFrameWriter().Int(code).String(message);
        details?.Invoke(writer);
        return new ResponseCase($"error, {name}", writer.Frame(Error, streamId: 17));
    }

    private static SpecFrameWriter Warnings(SpecFrameWriter writer, params string[] warnings) => writer.StringList(warnings);

    private static SpecFrameWriter Rows(bool global, byte[]? pagingState, params JsonNode?[][] rows)
    {
        var flags = (global ? 0x0001 : 0) | (pagingState is null ? 0 : 0x0002);
        var w = new SpecFrameWriter().Int(0x0002).Int(flags).Int(EveryTypeColumns.Length);
        if (pagingState is not null) w.Bytes(pagingState);
        if (global) w.String("tripmate").String("every_type");
        foreach (var (name, type) in EveryTypeColumns)
        {
            if (!global) w.String("ks_" + name).String("tbl_" + name);
            w.String(name).Option(type);
        }
        w.Int(rows.Length);
        foreach (var row in rows)
            for (var c = 0; c < EveryTypeColumns.Length; c++) w.Cell(EveryTypeColumns[c].Type, row[c]?.DeepClone());
        return w;
    }

    private static SpecFrameWriter DoubleRows(params double[] values)
    {
        var w = new SpecFrameWriter().Int(0x0002).Int(0x0001).Int(1).String("ks").String("t").String("d").Option("double").Int(values.Length);
        foreach (var value in values) w.Cell("double", V.Double(value).Json);
        return w;
    }
}
