namespace Tripmate.Cql.Tests.Oracle;

/// <summary>The request table checked against the Node driver: every message, flag and value type the client writes.</summary>
internal static class RequestCases
{
    private const string U1 = "3e8b2a5c-7f41-4d8e-9c2b-1a2b3c4d5e6f";
    private const string U2 = "00000000-0000-0000-0000-000000000000";
    private const string TimeU = "d2177dd0-eaa2-11de-a572-001b779c76e3";
    private const string PreparedId = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    public static IReadOnlyList<TestValue> EveryScalarType() =>
    [
        V.Ascii("plain ascii"),
        V.Text("text with ünïcødé ✓"),
        V.Int(-42),
        V.Bigint(9_007_199_254_740_993),
        V.Boolean(true),
        V.Double(3.141592653589793),
        V.Timestamp(1_700_000_000_123),
        V.Uuid(U1),
        V.Timeuuid(TimeU),
        V.Blob("00ff10ab"),
    ];

    public static IReadOnlyList<TestValue> EveryCollectionType() =>
    [
        V.List("int", V.Int(1), V.Int(2), V.Int(3)),
        V.Set("text", V.Text("a"), V.Text("b")),
        V.Map("text", "bigint", (V.Text("x"), V.Bigint(1)), (V.Text("y"), V.Bigint(-1))),
        V.List("timestamp", V.Timestamp(0), V.Timestamp(-86_400_000)),
        V.Set("uuid", V.Uuid(U1), V.Uuid(U2)),
        V.Map("uuid", "boolean", (V.Uuid(U1), V.Boolean(false))),
        V.List("blob", V.Blob(""), V.Blob("01")),
        V.Set("double", V.Double(0.5), V.Double(-2.25)),
        V.List("ascii", V.Ascii("q")),
        V.Map("int", "timeuuid", (V.Int(7), V.Timeuuid(TimeU))),
        V.List("boolean", V.Boolean(true), V.Boolean(false)),
        V.List("varchar"),
        V.Map("text", "text"),
    ];

    public static IReadOnlyList<TestValue> EdgeValues() =>
    [
        V.Int(int.MinValue), V.Int(int.MaxValue), V.Bigint(long.MinValue), V.Bigint(long.MaxValue),
        V.Double(double.NaN), V.Double(double.PositiveInfinity), V.Double(double.NegativeInfinity), V.Double(double.Epsilon),
        V.Timestamp(-62_135_596_800_000), V.Text(""), V.Blob(""), V.Boolean(false), V.Uuid(U2),
    ];

    public static IReadOnlyList<RequestCase> All() =>
    [
        new("startup, our real options (driver identity swapped)", "startup"),
        new("startup, driver's own identity", "startup")
        {
            StreamId = 0,
            StartupOptions = [new("CQL_VERSION", "3.0.0"), new("DRIVER_NAME", "Apache Cassandra Node.js Driver"), new("DRIVER_VERSION", "4.10.0")],
        },
        new("options", "options") { StreamId = 7 },
        new("auth response, SASL PLAIN token", "authResponse") { TokenHex = Convert.ToHexString(ConnectionsToken("cassandra", "p@ss wörd")) },
        new("auth response, empty token", "authResponse") { TokenHex = "" },
        new("prepare", "prepare") { Cql = "SELECT * FROM ks.messages WHERE room = ? AND day = ?" },
        new("prepare, unicode text", "prepare") { Cql = "INSERT INTO ks.t (k, v) VALUES ('ключ', ?)", StreamId = 300 },

        new("query, no values no flags", "query") { Cql = "SELECT now() FROM system.local" },
        new("query, every scalar type", "query") { Cql = "INSERT INTO t (a,b,c,d,e,f,g,h,i,j) VALUES (?,?,?,?,?,?,?,?,?,?)", Values = EveryScalarType(), Consistency = Consistency.LocalQuorum },
        new("query, every collection type", "query") { Cql = "INSERT INTO c VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", Values = EveryCollectionType(), Consistency = Consistency.Quorum },
        new("query, nested collection", "query") { Cql = "INSERT INTO n (m) VALUES (?)", Values = [V.Map("int", "list<text>", (V.Int(1), V.List("text", V.Text("a"), V.Text("b"))))] },
        new("query, null and not-set values", "query") { Cql = "UPDATE t SET a = ?, b = ?, c = ? WHERE k = ?", Values = [V.Null("text"), V.Unset("int"), V.Null("list<int>"), V.Int(1)] },
        new("query, edge values", "query") { Cql = "INSERT INTO e VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", Values = EdgeValues(), Consistency = Consistency.All },
        new("query, page size (0x04)", "query") { Cql = "SELECT * FROM t", PageSize = 5000, Consistency = Consistency.LocalOne },
        new("query, paging state (0x08)", "query") { Cql = "SELECT * FROM t", PageSize = 100, PagingStateHex = "001200100004deadbeef00f07ffffffe", Consistency = Consistency.Two },
        new("query, serial consistency (0x10)", "query") { Cql = "INSERT INTO t (k) VALUES (?) IF NOT EXISTS", Values = [V.Int(5)], SerialConsistency = Consistency.LocalSerial, Consistency = Consistency.EachQuorum },
        new("query, explicit default timestamp (0x20)", "query") { Cql = "DELETE FROM t WHERE k = 1", Timestamp = "1700000000123456", Consistency = Consistency.Three },
        new("query, named values (0x40)", "query") { Cql = "SELECT * FROM t WHERE k = :k AND c = :c", Values = [V.Text("key"), V.Int(3)], Names = ["k", "c"] },
        new("query, tracing header flag", "query") { Cql = "SELECT * FROM t WHERE k = ?", Values = [V.Bigint(1)], Tracing = true },
        new("query, every flag together", "query")
        {
            Cql = "UPDATE t SET v = :v WHERE k = :k IF v = :old", Values = [V.Text("new"), V.Uuid(U1), V.Text("old")], Names = ["v", "k", "old"],
            PageSize = 10, PagingStateHex = "cafe", SerialConsistency = Consistency.Serial, Timestamp = "42", Consistency = Consistency.Quorum,
            StreamId = 32767,
        },
        new("query, driver-generated client timestamp (flag 0x20 removed)", "query") { Cql = "INSERT INTO t (k) VALUES (?)", Values = [V.Int(9)], Timestamp = "generate" },

        new("execute, no values", "execute") { IdHex = PreparedId, Cql = "SELECT * FROM t" },
        new("execute, every scalar type", "execute") { IdHex = PreparedId, Cql = "x", Values = EveryScalarType(), Consistency = Consistency.LocalQuorum },
        new("execute, every collection type", "execute") { IdHex = PreparedId, Cql = "x", Values = EveryCollectionType() },
        new("execute, paging state and page size", "execute") { IdHex = PreparedId, Cql = "x", Values = [V.Text("room-1")], PageSize = 50, PagingStateHex = "0004000000010001f07ffffff3" },
        new("execute, serial and timestamp", "execute") { IdHex = "ff", Cql = "x", Values = [V.Int(1), V.Null("text"), V.Unset("bigint")], SerialConsistency = Consistency.Serial, Timestamp = "1", Consistency = Consistency.Quorum },
        new("execute, driver-generated client timestamp (flag 0x20 removed)", "execute") { IdHex = PreparedId, Cql = "x", Values = [V.Bigint(5)], PageSize = 20, Timestamp = "generate" },

        new("batch, logged, text and prepared", "batch")
        {
            BatchType = BatchType.Logged, Consistency = Consistency.Quorum,
            Entries =
            [
                new("INSERT INTO t (k, v) VALUES (?, ?)", null, V.Int(1), V.Text("one")),
                new("INSERT INTO t (k, v) VALUES (?, ?)", PreparedId, V.Int(2), V.Text("two")),
                new("DELETE FROM t WHERE k = 3", null),
            ],
        },
        new("batch, unlogged, collections and nulls", "batch")
        {
            BatchType = BatchType.Unlogged, Consistency = Consistency.LocalQuorum,
            Entries = [new("UPDATE t SET l = ?, m = ? WHERE k = ?", PreparedId, V.List("int", V.Int(1)), V.Null("map<text,int>"), V.Uuid(U1))],
        },
        new("batch, counter", "batch")
        {
            BatchType = BatchType.Counter, Consistency = Consistency.One,
            Entries = [new("UPDATE c SET n = n + ? WHERE k = ?", null, V.Bigint(1), V.Text("k"))],
        },
        new("batch, serial consistency and timestamp", "batch")
        {
            BatchType = BatchType.Logged, SerialConsistency = Consistency.LocalSerial, Timestamp = "1700000000000000", StreamId = 12,
            Entries = [new("INSERT INTO t (k) VALUES (?) IF NOT EXISTS", null, V.Int(1)), new("x", "01", V.Unset("int"))],
        },
    ];

    private static byte[] ConnectionsToken(string user, string password) =>
        Tripmate.Cql.Connections.ConnectionHandshake.PlainToken(new CqlCredentials(user, password));
}
