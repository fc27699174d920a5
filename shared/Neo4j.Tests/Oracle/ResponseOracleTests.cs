using System.Net;
using System.Text.Json.Nodes;
using Tripmate.Neo4j.Errors;
using Tripmate.Neo4j.Http;

namespace Tripmate.Neo4j.Tests.Oracle;

/// <summary>Our decoder and the wrapper's agree on recorded typed responses; where the wrapper fails on valid answers, ours decodes them.</summary>
public sealed class ResponseOracleTests
{
    private static readonly Lazy<JsonObject> Answers = new(() => QueryApiOracle.DecodeResponses(ResponseCases.Agreed()));

    public static TheoryData<string> Cases => [.. ResponseCases.Agreed().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Our_decoding_equals_the_wrappers(string name)
    {
        var (_, contentType, body) = ResponseCases.Agreed().Single(c => c.Name == name);
        var theirs = Answers.Value[name]!;
        Assert.True(theirs["throws"] is null, $"The wrapper could not decode {name}: {theirs["throws"]}");

        var difference = BodyComparison.Difference(Decoded(contentType, body), theirs);

        Assert.True(difference is null, $"{name}: {difference}\ntheirs: {theirs.ToJsonString()}");
    }

    /// <summary>Wrapper defects (see <see cref="WrapperDifferences"/>): valid answers it cannot decode, with what they mean.</summary>
    [Theory]
    [InlineData("LocalTime", "19:32:24", """{"t":"localtime","v":{"h":"19","mi":"32","s":"24","ns":"0"}}""")]
    [InlineData("Time", "12:50Z", """{"t":"time","v":{"h":"12","mi":"50","s":"0","ns":"0","offset":"0"}}""")]
    [InlineData("Duration", "P1Y2M", """{"t":"duration","v":{"months":"14","days":"0","seconds":"0","ns":"0"}}""")]
    [InlineData("Duration", "PT-1S", """{"t":"duration","v":{"months":"0","days":"0","seconds":"-1","ns":"0"}}""")]
    public void Values_the_wrapper_cannot_decode_are_decoded_as_documented(string type, string value, string expected)
    {
        var body = ResponseCases.Rows(["v"], $$"""[{"$type":"{{type}}","_value":"{{value}}"}]""");

        var theirs = QueryApiOracle.DecodeResponses([("defect", ResponseCases.MediaType, body)])["defect"]!;
        var ours = Decoded(ResponseCases.MediaType, body)["rows"]![0]![0];

        Assert.NotNull(theirs["throws"]);
        Assert.Null(BodyComparison.Difference(ours, JsonNode.Parse(expected)));
    }

    /// <summary>Offsets with seconds, as java.time writes historic zones' offsets: the wrapper drops or trips over the seconds.</summary>
    [Theory]
    [InlineData("Time", "12:50:35.5+01:00:30",
        """{"t":"time","v":{"h":"12","mi":"50","s":"35","ns":"500000000","offset":"3630"}}""")]
    [InlineData("ZonedDateTime", "1880-01-01T00:00+00:17:30[Europe/Brussels]",
        """{"t":"datetime","v":{"y":"1880","m":"1","d":"1","h":"0","mi":"0","s":"0","ns":"0","offset":"1050","zone":"Europe/Brussels"}}""")]
    [InlineData("OffsetDateTime", "1900-01-01T12:00:01-00:25:21",
        """{"t":"datetime","v":{"y":"1900","m":"1","d":"1","h":"12","mi":"0","s":"1","ns":"0","offset":"-1521","zone":null}}""")]
    public void Offsets_with_seconds_are_kept_where_the_wrapper_loses_them(string type, string value, string expected)
    {
        var body = ResponseCases.Rows(["v"], $$"""[{"$type":"{{type}}","_value":"{{value}}"}]""");

        var theirs = QueryApiOracle.DecodeResponses([("defect", ResponseCases.MediaType, body)])["defect"]!;
        var ours = Decoded(ResponseCases.MediaType, body)["rows"]![0]![0];

        Assert.True(theirs["throws"] is not null || BodyComparison.Difference(theirs["rows"]![0]![0], JsonNode.Parse(expected)) is not null,
            $"The wrapper now decodes {value} right: move it to the agreed cases.");
        Assert.Null(BodyComparison.Difference(ours, JsonNode.Parse(expected)));
    }

    [Fact]
    public void An_answer_without_counters_or_with_a_charset_parameter_is_read_where_the_wrapper_fails()
    {
        const string withoutCounters = """{"data":{"fields":["n"],"values":[[{"$type":"Integer","_value":"1"}]]},"bookmarks":["FB:1"]}""";
        var answers = QueryApiOracle.DecodeResponses(
        [
            ("no counters", ResponseCases.MediaType, withoutCounters),
            ("charset", $"{ResponseCases.MediaType}; charset=utf-8", ResponseCases.Rows(["n"], """[{"$type":"Integer","_value":"1"}]""")),
        ]);

        Assert.NotNull(answers["no counters"]!["throws"]);
        Assert.NotNull(answers["charset"]!["error"]);
        Assert.Equal(1L, QueryApiProtocol.ReadAnswer(HttpStatusCode.OK, ResponseCases.MediaType, withoutCounters).Result.Rows[0][0]);
    }

    /// <summary>Our decoding in the oracle's description: keys, rows, bookmarks, counters; or the error.</summary>
    internal static JsonObject Decoded(string contentType, string body)
    {
        var mediaType = contentType.Split(';')[0].Trim();
        try
        {
            var result = QueryApiProtocol.ReadAnswer(body.Contains("\"errors\"") ? HttpStatusCode.BadRequest : HttpStatusCode.Accepted, mediaType, body).Result;
            var counters = new JsonObject();
            foreach (var (key, value) in result.Counters ?? new Dictionary<string, object?>())
            {
                counters[key] = value is bool flag ? JsonValue.Create(flag) : JsonValue.Create(value?.ToString());
            }

            return new JsonObject
            {
                ["keys"] = new JsonArray([.. result.Fields.Select(f => (JsonNode)f)]),
                ["rows"] = new JsonArray([.. result.Rows.Select(row => (JsonNode)new JsonArray([.. row.Select(v => (JsonNode)Tagged.Of(v))]))]),
                ["bookmarks"] = new JsonArray([.. result.Bookmarks.Select(b => (JsonNode)b)]),
                ["counters"] = counters,
            };
        }
        catch (Neo4jException e) when (e is not Neo4jProtocolException)
        {
            return new JsonObject { ["error"] = new JsonObject { ["code"] = e.Code, ["message"] = e.ServerMessage } };
        }
    }
}
