namespace Tripmate.Neo4j.Tests.Oracle;

/// <summary>Typed responses as Neo4j sends them (shapes from the Query API documentation), decoded by both clients.</summary>
internal static class ResponseCases
{
    public const string MediaType = "application/vnd.neo4j.query";

    private const string Counters = """
        "counters":{"containsUpdates":true,"nodesCreated":1,"nodesDeleted":0,"propertiesSet":2,"relationshipsCreated":1,
        "relationshipsDeleted":0,"labelsAdded":1,"labelsRemoved":0,"indexesAdded":0,"indexesRemoved":0,"constraintsAdded":0,
        "constraintsRemoved":0,"containsSystemUpdates":false,"systemUpdates":0}
        """;

    private const string Ada = """
        {"$type":"Node","_value":{"_element_id":"4:c0a8:0","_labels":["User"],"_properties":{"id":{"$type":"String","_value":"ada"},"age":{"$type":"Integer","_value":"36"}}}}
        """;

    private const string Bob = """
        {"$type":"Node","_value":{"_element_id":"4:c0a8:1","_labels":["User","Traveller"],"_properties":{"id":{"$type":"String","_value":"bob"}}}}
        """;

    private const string Carol = """
        {"$type":"Node","_value":{"_element_id":"4:c0a8:2","_labels":[],"_properties":{}}}
        """;

    private const string AdaFollowsBob = """
        {"$type":"Relationship","_value":{"_element_id":"5:c0a8:10","_start_node_element_id":"4:c0a8:0","_end_node_element_id":"4:c0a8:1","_type":"FOLLOWS","_properties":{"since":{"$type":"Integer","_value":"1732000000000"}}}}
        """;

    private const string CarolFollowsBob = """
        {"$type":"Relationship","_value":{"_element_id":"5:c0a8:11","_start_node_element_id":"4:c0a8:2","_end_node_element_id":"4:c0a8:1","_type":"FOLLOWS","_properties":{}}}
        """;

    public static IEnumerable<(string Name, string ContentType, string Body)> Agreed()
    {
        yield return ("scalars in rows", MediaType, Rows(["i", "f", "s", "b", "n"],
            """[{"$type":"Integer","_value":"1"},{"$type":"Float","_value":"1.5"},{"$type":"String","_value":"Oslo"},{"$type":"Boolean","_value":true},{"$type":"Null","_value":null}]""",
            """[{"$type":"Integer","_value":"-42"},{"$type":"Float","_value":"-0.0"},{"$type":"String","_value":""},{"$type":"Boolean","_value":false},{"$type":"Null","_value":null}]"""));
        yield return ("integers beyond 2^53", MediaType, Rows(["max", "min", "odd"],
            """[{"$type":"Integer","_value":"9223372036854775807"},{"$type":"Integer","_value":"-9223372036854775808"},{"$type":"Integer","_value":"9007199254740993"}]"""));
        yield return ("special floats", MediaType, Rows(["nan", "inf", "ninf", "big", "tiny"],
            """[{"$type":"Float","_value":"NaN"},{"$type":"Float","_value":"Infinity"},{"$type":"Float","_value":"-Infinity"},{"$type":"Float","_value":"1.0E21"},{"$type":"Float","_value":"4.9E-324"}]"""));
        yield return ("nodes", MediaType, Rows(["a", "b", "c"], $"[{Ada},{Bob},{Carol}]"));
        yield return ("relationship", MediaType, Rows(["r"], $"[{AdaFollowsBob}]"));
        yield return ("path against a relationship's direction", MediaType, Rows(["p"],
            $$"""[{"$type":"Path","_value":[{{Ada}},{{AdaFollowsBob}},{{Bob}},{{CarolFollowsBob}},{{Carol}}]}]"""));
        yield return ("lists and maps", MediaType, Rows(["l", "m"],
            """[{"$type":"List","_value":[{"$type":"Integer","_value":"1"},{"$type":"List","_value":[]},{"$type":"Null","_value":null}]},{"$type":"Map","_value":{"k":{"$type":"String","_value":"v"},"inner":{"$type":"Map","_value":{"n":{"$type":"Float","_value":"2.5"}}}}}]"""));
        yield return ("bytes", MediaType, Rows(["bytes"], """[{"$type":"Base64","_value":"AAEC+v8="}]"""));
        yield return ("temporals with fractions", MediaType, Rows(["d", "lt", "t", "ldt", "odt", "zdt"],
            """
            [{"$type":"Date","_value":"2015-03-26"},{"$type":"LocalTime","_value":"12:50:35.556"},{"$type":"Time","_value":"12:50:35.556+01:00"},
             {"$type":"LocalDateTime","_value":"2015-07-04T19:32:24.123"},{"$type":"OffsetDateTime","_value":"2015-06-24T12:50:35.556+01:00"},
             {"$type":"ZonedDateTime","_value":"2015-11-21T21:40:32.142+02:00[Antarctica/Troll]"}]
            """));
        yield return ("nanoseconds", MediaType, Rows(["lt", "t", "ldt", "odt", "zdt"],
            """
            [{"$type":"LocalTime","_value":"23:59:59.999999999"},{"$type":"Time","_value":"12:50:35.000000001+01:00"},
             {"$type":"LocalDateTime","_value":"2015-07-04T19:32:24.123456789"},{"$type":"OffsetDateTime","_value":"2015-06-24T12:50:35.000000100-05:00"},
             {"$type":"ZonedDateTime","_value":"2015-11-21T21:40:32.142857142+02:00[Antarctica/Troll]"}]
            """));
        yield return ("years beyond 1-9999", MediaType, Rows(["a", "b", "c", "d", "e"],
            """
            [{"$type":"Date","_value":"+10000-01-01"},{"$type":"Date","_value":"-0001-12-31"},{"$type":"Date","_value":"0000-02-29"},
             {"$type":"LocalDateTime","_value":"-999999999-01-01T12:00:01.5"},{"$type":"OffsetDateTime","_value":"+999999999-12-31T23:59:59.999999999Z"}]
            """));
        yield return ("offsets beyond DateTimeOffset's", MediaType, Rows(["a", "b"],
            """[{"$type":"OffsetDateTime","_value":"2015-06-24T12:50:35.5+18:00"},{"$type":"Time","_value":"12:50:35.5-17:59"}]"""));
        yield return ("durations", MediaType, Rows(["a", "b"],
            """[{"$type":"Duration","_value":"P14DT16H12M"},{"$type":"Duration","_value":"P1M2DT3.0000005S"}]"""));
        yield return ("points", MediaType, Rows(["p2", "p3"],
            """[{"$type":"Point","_value":"SRID=4326;POINT (10.75 59.91)"},{"$type":"Point","_value":"SRID=9157;POINT Z (1.5 -2.25 3)"}]"""));
        yield return ("no rows", MediaType, """{"data":{"fields":["n"],"values":[]},"bookmarks":["FB:kcwQ"],""" + Counters + "}");
        yield return ("syntax error", "application/json",
            """{"errors":[{"code":"Neo.ClientError.Statement.SyntaxError","message":"Invalid input 'RETRUN': expected 'RETURN'"}]}""");
        yield return ("transient error", "application/json",
            """{"errors":[{"code":"Neo.TransientError.Transaction.DeadlockDetected","message":"deadlock"},{"code":"Neo.ClientError.Other","message":"second"}]}""");
    }

    /// <summary>A successful answer with these columns and rows, bookmarks and counters, as the server sends it.</summary>
    public static string Rows(string[] fields, params string[] rows) =>
        $$"""{"data":{"fields":[{{string.Join(",", fields.Select(f => $"\"{f}\""))}}],"values":[{{string.Join(",", rows)}}]},"bookmarks":["FB:kcwQ"],{{Counters}}}""";
}
