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
        var (_, statement, mode, bookmarks) = RequestCases.All().Single(c => c.Name == name);
        var ours = JsonNode.Parse(Encoding.UTF8.GetString(QueryApiProtocol.RequestBody(statement, mode, bookmarks)))!;
        var theirs = Answers.Value[name] ?? throw new InvalidOperationException($"The oracle answered nothing for {name}.");

        Assert.True(theirs["throws"] is null, $"The wrapper could not encode {name}: {theirs["throws"]}");
        var difference = BodyComparison.Difference(ours, WrapperDifferences.AsDocumented(theirs.DeepClone()));
        Assert.True(difference is null, $"{name}: {difference}\nours:   {ours.ToJsonString()}\ntheirs: {theirs.ToJsonString()}");
    }

    [Fact]
    public void Minus_zero_keeps_its_sign_where_the_wrapper_sends_zero()
    {
        var answers = QueryApiOracle.EncodeRequests([("minus zero", new CypherStatement("RETURN $v", new Dictionary<string, object?> { ["v"] = -0.0 }), null, [])]);
        var ours = JsonNode.Parse(QueryApiProtocol.RequestBody(new CypherStatement("RETURN $v", new Dictionary<string, object?> { ["v"] = -0.0 }), null, []))!;

        Assert.Equal("0", answers["minus zero"]!["parameters"]!["v"]!["_value"]!.GetValue<string>());
        Assert.Equal("-0.0", ours["parameters"]!["v"]!["_value"]!.GetValue<string>());
    }
}
