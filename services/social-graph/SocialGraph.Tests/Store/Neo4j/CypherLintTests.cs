using System.Text.Json.Nodes;
using Tripmate.Neo4j;
using Tripmate.SocialGraph.Store.Neo4j;
using Tripmate.Testing;

namespace Tripmate.SocialGraph.Tests.Store.Neo4j;

/// <summary>Every Cypher statement the service can run passes Neo4j's own parser and semantic analysis, with its parameters declared.</summary>
public sealed class CypherLintTests
{
    private static readonly Lazy<JsonObject> Diagnostics = new(() => Lint(Neo4jStatements.All));

    public static TheoryData<string> Statements => [.. Neo4jStatements.All.Select(s => s.Name)];

    [Fact]
    public void Statement_names_are_unique_so_each_is_reported_alone()
    {
        Assert.Equal(Neo4jStatements.All.Count, Neo4jStatements.All.Select(s => s.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void The_statement_has_no_diagnostic(string name)
    {
        var found = Diagnostics.Value[name]!.AsArray();

        Assert.True(found.Count == 0, $"{name}: {found.ToJsonString()}\n{Neo4jStatements.All.Single(s => s.Name == name).Text}");
    }

    [Theory]
    [InlineData("MATCH (u:User {id: $userId}) RETRUN u.id AS id", "userId", "Invalid input 'RETRUN'")]
    [InlineData("MATCH (u:User {id: $userId}) RETURN u.id AS id", "otherId", "Parameter $userId is not defined")]
    [InlineData("MATCH (u:User)-[:FOLOWS]->(v:User) RETURN v.id AS id", "", "FOLOWS")]
    [InlineData("MATCH (u:User) RETURN v.id AS id", "", "Variable `v` not defined")]
    public void A_planted_mistake_is_reported(string text, string parameter, string expected)
    {
        var planted = new CypherQuery("planted", text, parameter.Length == 0 ? [] : [parameter]);

        var found = Lint([planted])["planted"]!.AsArray();

        Assert.Contains(found, d => d!["message"]!.GetValue<string>().Contains(expected));
    }

    private static JsonObject Lint(IEnumerable<CypherQuery> statements)
    {
        var input = new JsonObject
        {
            ["schema"] = new JsonObject
            {
                ["labels"] = Strings(Neo4jStatements.Labels),
                ["relationshipTypes"] = Strings(Neo4jStatements.RelationshipTypes),
                ["propertyKeys"] = Strings(Neo4jStatements.PropertyKeys),
            },
            ["statements"] = new JsonArray([.. statements.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s.Name, ["text"] = s.Text, ["parameters"] = Strings(s.Parameters),
            })]),
        };
        return RunNode(input).AsObject();
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static JsonNode RunNode(JsonNode input) =>
        NodeScript.RunJson(Path.Combine("oracle", "cypher-lint.mjs"), "@neo4j-cypher/language-support", input, TimeSpan.FromSeconds(120));
}
