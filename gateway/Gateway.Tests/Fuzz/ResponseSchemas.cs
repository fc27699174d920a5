using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Tripmate.Gateway.Tests.Fuzz;

/// <summary>Validates answers against documented schemas (JSON Schema 2020-12, which OpenAPI 3.1 uses), each compiled once.</summary>
public sealed class ResponseSchemas(ApiDocument document)
{
    private readonly ConcurrentDictionary<string, JsonSchema> _compiled = new();

    /// <summary>Null when <paramref name="body"/> matches <paramref name="schema"/>, else what does not.</summary>
    public string? Mismatch(JsonNode schema, string body)
    {
        JsonDocument instance;
        try
        {
            instance = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return $"not JSON ({e.Message})";
        }

        var standalone = document.StandaloneSchema(schema);
        var compiled = _compiled.GetOrAdd(standalone, text => JsonSchema.FromText(text));
        using var disposeInstance = instance;
        var result = compiled.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return null;
        }

        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            .Take(5);
        return string.Join("; ", errors);
    }
}
