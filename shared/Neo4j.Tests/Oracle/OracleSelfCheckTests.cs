using System.Text;
using System.Text.Json.Nodes;
using Tripmate.Neo4j.Http;

namespace Tripmate.Neo4j.Tests.Oracle;

/// <summary>The comparisons can fail: one changed value in a body or a decoded row is caught and named.</summary>
public sealed class OracleSelfCheckTests
{
    [Fact]
    public void One_changed_parameter_value_in_our_body_fails_the_comparison_with_the_wrapper()
    {
        var statement = new CypherStatement("RETURN $id, $n", new Dictionary<string, object?> { ["id"] = "ada", ["n"] = 9_007_199_254_740_993L });
        var theirs = QueryApiOracle.EncodeRequests([("planted", statement, AccessMode.Write, null)])["planted"]!;
        var ours = JsonNode.Parse(Encoding.UTF8.GetString(QueryApiProtocol.RequestBody(statement, AccessMode.Write, [])))!;
        Assert.Null(BodyComparison.Difference(ours, WrapperDifferences.AsDocumented(theirs.DeepClone())));

        ours["parameters"]!["n"]!["_value"] = "9007199254740992"; // the value a double would have made of it

        var difference = BodyComparison.Difference(ours, WrapperDifferences.AsDocumented(theirs.DeepClone()));
        Assert.Equal("$.parameters.n._value: ours \"9007199254740992\", theirs \"9007199254740993\"", difference);
    }

    [Fact]
    public void One_changed_value_in_a_decoded_row_fails_the_comparison_with_the_wrapper()
    {
        var body = ResponseCases.Rows(["a", "b"], """[{"$type":"Integer","_value":"7"},{"$type":"Float","_value":"7.0"}]""");
        var theirs = QueryApiOracle.DecodeResponses([("planted", ResponseCases.MediaType, body)])["planted"]!;
        var ours = ResponseOracleTests.Decoded(ResponseCases.MediaType, body);
        Assert.Null(BodyComparison.Difference(ours, theirs));

        ours["rows"]![0]![1] = Tagged.Of(7L); // a float read as an integer

        Assert.NotNull(BodyComparison.Difference(ours, theirs));
    }
}
