using System.Text;
using System.Text.Json.Nodes;
using Tripmate.Neo4j.Http;

namespace Tripmate.Neo4j.Tests.Oracle;

/// <summary>Our request bodies equal those of Neo4j's own Query API wrapper, value by value (differences: <see cref="WrapperDifferences"/>).</summary>
public sealed class RequestOracleTests
{
    private static readonly Lazy<JsonObject> Answers = new(() => QueryApiOracle.EncodeRequests(RequestCases.All()));

    public static TheoryData<string> Cases => [.. RequestCases.All().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Our_body_equals_the_wrappers(string name)
    {
        var (_, statement, mode, options) = RequestCases.All().Single(c => c.Name == name);
        var ours = JsonNode.Parse(Encoding.UTF8.GetString(QueryApiProtocol.RequestBody(statement, mode, QueryApiProtocol.Bookmarks([], options), options)))!;
        var theirs = Answers.Value[name] ?? throw new InvalidOperationException($"The oracle answered nothing for {name}.");

        Assert.True(theirs["throws"] is null, $"The wrapper could not encode {name}: {theirs["throws"]}");
        var difference = BodyComparison.Difference(ours, WrapperDifferences.AsDocumented(theirs.DeepClone()));
        Assert.True(difference is null, $"{name}: {difference}\nours:   {ours.ToJsonString()}\ntheirs: {theirs.ToJsonString()}");
    }

    [Fact]
    public void Minus_zero_keeps_its_sign_where_the_wrapper_sends_zero()
    {
        var answers = QueryApiOracle.EncodeRequests([("minus zero", new CypherStatement("RETURN $v", new Dictionary<string, object?> { ["v"] = -0.0 }), null, null)]);
        var ours = JsonNode.Parse(QueryApiProtocol.RequestBody(new CypherStatement("RETURN $v", new Dictionary<string, object?> { ["v"] = -0.0 }), null, []))!;

        Assert.Equal("0", answers["minus zero"]!["parameters"]!["v"]!["_value"]!.GetValue<string>());
        Assert.Equal("-0.0", ours["parameters"]!["v"]!["_value"]!.GetValue<string>());
    }

    [Fact]
    public void Basic_credentials_equal_the_wrappers_and_a_bearer_token_goes_as_it_is_where_the_wrapper_base64_encodes_it()
    {
        const string token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2ln";
        var theirs = QueryApiOracle.Authorizations([("basic", "basic", "neo4j", "s3cret:with colon"), ("bearer", "bearer", null, token)]);

        Assert.Equal(theirs["basic"]!.GetValue<string>(), QueryApiProtocol.BasicAuthorization("neo4j", "s3cret:with colon").ToString());
        Assert.Equal($"Bearer {Convert.ToBase64String(Encoding.ASCII.GetBytes(token))}", theirs["bearer"]!.GetValue<string>());
        Assert.Equal($"Bearer {token}", QueryApiProtocol.BearerAuthorization(token).ToString());
    }

    /// <summary>The surrogate as a number: a lone surrogate in an attribute does not survive the test runner's serialisation.</summary>
    [Theory]
    [InlineData("lone high {0} here", 0xD83D)]
    [InlineData("{0} lone low first", 0xDE00)]
    [InlineData("ends on a high {0}", 0xD83D)]
    public void A_lone_surrogate_is_refused_before_sending_where_the_wrapper_sends_it(string format, int surrogate)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, (char)surrogate);
        var statement = new CypherStatement("RETURN $v", new Dictionary<string, object?> { ["v"] = text });
        var theirs = QueryApiOracle.EncodeRequests([("lone surrogate", statement, null, null)])["lone surrogate"]!;

        var error = Assert.Throws<ArgumentException>(() => QueryApiProtocol.RequestBody(statement, null, []));

        Assert.Null(theirs["throws"]);
        Assert.Contains("$v", error.Message);
        Assert.Contains("lone surrogate", error.Message);
        foreach (var elsewhere in new[]
        {
            new CypherStatement($"RETURN '{text}'", new Dictionary<string, object?>()),
            new CypherStatement("RETURN $m", new Dictionary<string, object?> { ["m"] = new Dictionary<string, object?> { [text] = 1L } }),
            new CypherStatement("RETURN $l", new Dictionary<string, object?> { ["l"] = new List<object?> { "fine", text } }),
        })
        {
            Assert.Throws<ArgumentException>(() => QueryApiProtocol.RequestBody(elsewhere, null, []));
        }

        Assert.Throws<ArgumentException>(() => QueryApiProtocol.RequestBody(CypherStatement.Of("RETURN 1"), null, [],
            new Neo4jRunOptions { ImpersonatedUser = text }));
    }

    [Fact]
    public void A_server_side_timeout_that_is_not_whole_seconds_is_refused_not_rounded()
    {
        foreach (var timeout in new[] { TimeSpan.FromMilliseconds(1500), TimeSpan.Zero, TimeSpan.FromSeconds(-1) })
        {
            Assert.Throws<ArgumentException>(() => QueryApiProtocol.RequestBody(CypherStatement.Of("RETURN 1"), null, [],
                new Neo4jRunOptions { Timeout = timeout }));
        }
    }
}
