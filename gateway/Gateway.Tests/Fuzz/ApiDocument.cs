using System.Text.Json.Nodes;

namespace Tripmate.Gateway.Tests.Fuzz;

/// <summary>One service's OpenAPI 3.1 document, read as plain JSON: its operations and its schemas.</summary>
public sealed class ApiDocument(string service, JsonObject root)
{
    private const string SchemaRefPrefix = "#/components/schemas/";

    public string Service { get; } = service;

    public JsonObject Schemas { get; } = root["components"]?["schemas"]?.AsObject() ?? [];

    public IEnumerable<Operation> Operations =>
        from path in root["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        where method.Key is "get" or "post" or "put" or "patch" or "delete"
        select new Operation(path.Key, method.Key.ToUpperInvariant(), method.Value!.AsObject());

    /// <summary>The schema itself, with a top-level <c>$ref</c> followed.</summary>
    public JsonObject Resolve(JsonNode? schema)
    {
        var current = schema as JsonObject ?? [];
        while (current["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith(SchemaRefPrefix, StringComparison.Ordinal))
        {
            current = Schemas[reference[SchemaRefPrefix.Length..]]?.AsObject() ?? [];
        }

        return current;
    }

    /// <summary>A standalone JSON Schema for <paramref name="schema"/>: the components become its <c>$defs</c>.</summary>
    public string StandaloneSchema(JsonNode schema)
    {
        var standalone = schema.DeepClone().AsObject();
        standalone["$defs"] = Schemas.DeepClone();
        return standalone.ToJsonString().Replace($"\"{SchemaRefPrefix}", "\"#/$defs/", StringComparison.Ordinal);
    }

    public sealed record Operation(string Path, string Method, JsonObject Node)
    {
        public string Name => $"{Method} {Path}";

        public bool NeedsToken => Node["security"] is JsonArray { Count: > 0 };

        public IEnumerable<JsonObject> Parameters => Node["parameters"]?.AsArray().OfType<JsonObject>() ?? [];

        public JsonNode? BodySchema => Node["requestBody"]?["content"]?["application/json"]?["schema"];

        public JsonObject Responses => Node["responses"]!.AsObject();

        /// <summary>A stream answers forever: only its status and headers are checked.</summary>
        public bool IsStream => Responses.Any(r => r.Value?["content"]?["text/event-stream"] is not null);
    }
}
