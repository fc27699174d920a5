using System.Text.Json.Nodes;
using Tripmate.Neo4j.Http;
using Tripmate.Testing;

namespace Tripmate.Neo4j.Tests.Oracle;

/// <summary>The wrapper's codec (oracle/query-api-oracle.mjs), asked once per batch.</summary>
internal static class QueryApiOracle
{
    private const string Package = "@neo4j-labs/experimental-query-api-wrapper";

    public static JsonObject EncodeRequests(IEnumerable<(string Name, CypherStatement Statement, AccessMode? Mode, Neo4jRunOptions? Options)> cases)
    {
        var requests = new JsonArray();
        foreach (var (name, statement, mode, options) in cases)
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
                ["bookmarks"] = new JsonArray([.. (options?.Bookmarks ?? []).Select(b => (JsonNode)b)]),
                ["impersonatedUser"] = options?.ImpersonatedUser,
                // The wrapper takes the driver's timeout in milliseconds (and sends them as they are).
                ["timeoutMs"] = options?.Timeout is { } timeout ? (long)timeout.TotalMilliseconds : null,
                ["parameters"] = parameters,
            });
        }

        return Run(new JsonObject { ["requests"] = requests })["requests"]!.AsObject();
    }

    private static JsonNode Run(JsonObject input) =>
        NodeScript.RunJson(Path.Combine("oracle", "query-api-oracle.mjs"), Package, input, TimeSpan.FromSeconds(120));

    /// <summary>The Authorization header the wrapper sends for each auth token (scheme "basic" or "bearer").</summary>
    public static JsonObject Authorizations(IEnumerable<(string Name, string Scheme, string? Principal, string Credentials)> cases)
    {
        var auth = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name, ["scheme"] = c.Scheme, ["principal"] = c.Principal, ["credentials"] = c.Credentials,
        })]);
        return Run(new JsonObject { ["auth"] = auth })["authorizations"]!.AsObject();
    }

    public static JsonObject DecodeResponses(IEnumerable<(string Name, string ContentType, string Body)> cases)
    {
        var responses = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name, ["contentType"] = c.ContentType, ["body"] = JsonNode.Parse(c.Body),
        })]);
        return Run(new JsonObject { ["responses"] = responses })["responses"]!.AsObject();
    }
}
