using System.ComponentModel;
using System.Diagnostics;
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

    /// <summary>A missing node or package fails the test: the lint is an acceptance check, never optional.</summary>
    private static JsonNode RunNode(JsonNode input)
    {
        var modules = Path.Combine(TestServers.NodeTools, "node_modules");
        Assert.True(Directory.Exists(Path.Combine(modules, "@neo4j-cypher", "language-support")),
            $"The lint needs npm @neo4j-cypher/language-support under {modules}: run `npm ci` in tools/node (./dev test does).");
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "oracle", "cypher-lint.mjs"), modules },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input.ToJsonString());
            process.StandardInput.Close();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(120)), "the lint did not finish within 120 s");
            Assert.True(process.ExitCode == 0, $"cypher-lint.mjs failed: {stderr.Result}");
            return JsonNode.Parse(stdout.Result)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"The lint needs `node` on PATH: {e.Message}", e);
        }
    }
}
