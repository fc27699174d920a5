using System.Text.Json.Nodes;

namespace Tripmate.Gateway.Tests.Fuzz;

/// <summary>
/// Values for a schema: a valid one (within its type, lengths and ranges), and hostile or careless
/// ones (boundaries just outside, wrong types, control characters, nulls). Ids come from a pool of
/// real resources, so requests reach handlers and not only validation.
/// </summary>
public sealed class FuzzValues(ApiDocument document, Random random, IReadOnlyList<Guid> knownIds)
{
    private static readonly string[] HostileTexts =
    [
        "", " ", "\u0000", "a\u0000b", "\u0007bell", "tab\there", "line\nbreak", "\u202Eevil", "emoji 🧳✈️",
        "' OR 1=1 --", "%00", "../../etc/passwd", "<script>alert(1)</script>", "\uFEFF", new string('x', 5000),
    ];

    public JsonNode? Valid(JsonNode? schemaNode, string name = "")
    {
        var schema = document.Resolve(schemaNode);
        switch (TypeOf(schema))
        {
            case "object":
                var result = new JsonObject();
                var required = Required(schema);
                foreach (var (property, propertySchema) in Properties(schema))
                {
                    if (required.Contains(property) || random.Next(2) == 0)
                    {
                        result[property] = Valid(propertySchema, property);
                    }
                }

                return result;
            case "array":
                var max = schema["maxItems"]?.GetValue<int>() ?? 2;
                return new JsonArray([.. Enumerable.Range(0, random.Next(Math.Min(max, 2) + 1)).Select(_ => Valid(schema["items"], name))]);
            case "integer":
            case "number":
                var min = (long?)schema["minimum"]?.GetValue<double>() ?? 0;
                var maximum = (long?)schema["maximum"]?.GetValue<double>() ?? 1000;
                return JsonValue.Create(random.NextInt64(min, Math.Max(min, maximum) + 1));
            case "boolean":
                return JsonValue.Create(random.Next(2) == 0);
            default:
                return JsonValue.Create(ValidText(schema, name));
        }
    }

    /// <summary>The valid value, then (most of the time) one thing about it made wrong.</summary>
    public JsonNode? Body(JsonNode? schemaNode)
    {
        var valid = Valid(schemaNode);
        if (random.Next(4) == 0 || valid is not JsonObject body)
        {
            return valid;
        }

        var schema = document.Resolve(schemaNode);
        var properties = Properties(schema).ToList();
        if (properties.Count == 0)
        {
            return body;
        }

        var (name, propertySchema) = properties[random.Next(properties.Count)];
        switch (random.Next(5))
        {
            case 0:
                body.Remove(name);
                break;
            case 1:
                body[name] = null;
                break;
            case 2:
                body[name] = WrongType(document.Resolve(propertySchema));
                break;
            case 3:
                body[name] = Boundary(document.Resolve(propertySchema), name);
                break;
            default:
                body["unexpected" + random.Next(100)] = "extra";
                break;
        }

        return body;
    }

    /// <summary>A parameter value: valid, a boundary just outside, or hostile text (null: leave it out).</summary>
    public string? Parameter(JsonObject parameter)
    {
        var schema = document.Resolve(parameter["schema"]);
        var name = parameter["name"]!.GetValue<string>();
        return random.Next(6) switch
        {
            0 => null,
            1 => HostileTexts[random.Next(HostileTexts.Length)],
            2 => Boundary(schema, name)?.ToString(),
            3 => Guid.NewGuid().ToString(),
            _ => Valid(schema, name)?.ToString(),
        };
    }

    public static string TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonValue single => single.GetValue<string>(),
        JsonArray many => many.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "null",
        _ => schema["properties"] is not null ? "object" : "string",
    };

    private static HashSet<string> Required(JsonObject schema) =>
        [.. schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? []];

    private static IEnumerable<(string, JsonNode?)> Properties(JsonObject schema) =>
        schema["properties"]?.AsObject().Select(p => (p.Key, p.Value)) ?? [];

    private string ValidText(JsonObject schema, string name)
    {
        if (schema["format"]?.GetValue<string>() == "uuid" || name.EndsWith("id", StringComparison.OrdinalIgnoreCase))
        {
            return knownIds[random.Next(knownIds.Count)].ToString();
        }

        if (schema["format"]?.GetValue<string>() == "date-time")
        {
            return DateTimeOffset.UtcNow.ToString("O");
        }

        if (name.Contains("email", StringComparison.OrdinalIgnoreCase))
        {
            return $"fuzz{random.Next(1_000_000)}@example.test";
        }

        var min = schema["minLength"]?.GetValue<int>() ?? 1;
        var max = schema["maxLength"]?.GetValue<int>() ?? 40;
        var length = random.Next(Math.Max(min, 2), Math.Max(Math.Min(max, 40), Math.Max(min, 2)) + 1);
        return new string([.. Enumerable.Range(0, length).Select(i => (char)('a' + random.Next(26)))]);
    }

    private JsonNode? Boundary(JsonObject schema, string name) => TypeOf(schema) switch
    {
        "integer" or "number" => random.Next(4) switch
        {
            0 => JsonValue.Create((long)(schema["minimum"]?.GetValue<double>() ?? 0) - 1),
            1 => JsonValue.Create((long)(schema["maximum"]?.GetValue<double>() ?? int.MaxValue) + 1),
            2 => JsonValue.Create(long.MaxValue),
            _ => JsonValue.Create(0),
        },
        "string" => random.Next(3) switch
        {
            0 => JsonValue.Create(new string('y', (schema["maxLength"]?.GetValue<int>() ?? 4000) + 1)),
            1 => JsonValue.Create(new string('y', Math.Max(0, (schema["minLength"]?.GetValue<int>() ?? 1) - 1))),
            _ => JsonValue.Create(HostileTexts[random.Next(HostileTexts.Length)]),
        },
        "array" => new JsonArray([.. Enumerable.Range(0, (schema["maxItems"]?.GetValue<int>() ?? 50) + 1).Select(_ => Valid(schema["items"], name))]),
        _ => WrongType(schema),
    };

    private JsonNode? WrongType(JsonObject schema) => TypeOf(schema) switch
    {
        "string" => random.Next(2) == 0 ? JsonValue.Create(42) : new JsonArray("a"),
        "integer" or "number" => random.Next(2) == 0 ? JsonValue.Create("many") : JsonValue.Create(1.5),
        "array" => new JsonObject { ["not"] = "a list" },
        "object" => JsonValue.Create("not an object"),
        _ => JsonValue.Create(true),
    };
}
