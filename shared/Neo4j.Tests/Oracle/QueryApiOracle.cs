using System.Text.Json.Nodes;
using Tripmate.Neo4j.Http;
using Tripmate.Testing;

namespace Tripmate.Neo4j.Tests.Oracle;

/// <summary>The wrapper's codec (oracle/query-api-oracle.mjs), asked once per batch.</summary>
internal static class QueryApiOracle
{
    private const string Package = "@neo4j-labs/experimental-query-api-wrapper";

    public static JsonObject EncodeRequests(IEnumerable<(string Name, CypherStatement Statement, AccessMode? Mode, string[] Bookmarks)> cases)
    {
        var requests = new JsonArray();
        foreach (var (name, statement, mode, bookmarks) in cases)
        {
            var parameters = new JsonObject();
            foreach (var (key, value) in statement.Parameters)
            {
                parameters[key] = Tagged.Of(value);
            }

            requests.Add(new JsonObject
            {
                ["name"] = name,
                ["statement"] = statement.Text,
                ["mode"] = mode?.ToString().ToLowerInvariant(),
                ["bookmarks"] = new JsonArray([.. bookmarks.Select(b => (JsonNode)b)]),
                ["parameters"] = parameters,
            });
        }

        return Run(new JsonObject { ["requests"] = requests })["requests"]!.AsObject();
    }

    private static JsonNode Run(JsonObject input) =>
        NodeScript.RunJson(Path.Combine("oracle", "query-api-oracle.mjs"), Package, input, TimeSpan.FromSeconds(120));

    public static JsonObject DecodeResponses(IEnumerable<(string Name, string ContentType, string Body)> cases)
    {
        var responses = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name, ["contentType"] = c.ContentType, ["body"] = JsonNode.Parse(c.Body),
        })]);
        return Run(new JsonObject { ["responses"] = responses })["responses"]!.AsObject();
    }
}
