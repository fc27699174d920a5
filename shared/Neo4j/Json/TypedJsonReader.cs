using System.Globalization;
using System.Text.Json;
using Tripmate.Neo4j.Errors;
using Tripmate.Neo4j.Values;

namespace Tripmate.Neo4j.Json;

/// <summary>
/// Reads typed JSON values: Integer as <see cref="long"/> (exact beyond 2^53), Float as
/// <see cref="double"/>, List as a list, Map as a dictionary, graph and temporal types as the
/// types in <see cref="Values"/> (temporal values always as the client's own types, which hold
/// every value Neo4j can send). A value the server sends never throws; a malformed one is a
/// <see cref="Neo4jProtocolException"/>.
/// </summary>
internal static class TypedJsonReader
{
    public static object? Read(JsonElement typed)
    {
        if (typed.ValueKind != JsonValueKind.Object || !typed.TryGetProperty("$type", out var typeElement))
        {
            throw new Neo4jProtocolException($"Expected a typed value ({{\"$type\": ..., \"_value\": ...}}), got {typed.GetRawText()}.");
        }

        var type = typeElement.GetString();
        var value = typed.TryGetProperty("_value", out var v) ? v : default;
        try
        {
            return type switch
            {
                "Null" => null,
                "Boolean" => value.GetBoolean(),
                "Integer" => long.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                "Float" => ParseFloat(value.GetString()!),
                "String" => value.GetString(),
                "Base64" => Convert.FromBase64String(value.GetString()!),
                "List" => value.EnumerateArray().Select(Read).ToList(),
                "Map" => ReadMap(value),
                "Node" => ReadNode(value),
                "Relationship" => ReadRelationship(value),
                "Path" => ReadPath(value),
                "Date" => TemporalText.ParseDate(value.GetString()!),
                "LocalTime" => TemporalText.ParseTime(value.GetString()!),
                "Time" => TemporalText.ParseOffsetTime(value.GetString()!),
                "LocalDateTime" => TemporalText.ParseLocalDateTime(value.GetString()!),
                "OffsetDateTime" or "ZonedDateTime" => TemporalText.ParseDateTime(value.GetString()!),
                "Duration" => TemporalText.ParseDuration(value.GetString()!),
                "Point" => ReadPoint(value.GetString()!),
                _ => new Neo4jOtherValue(type ?? "", typed.GetRawText()),
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidOperationException or ArgumentException or KeyNotFoundException
            or IndexOutOfRangeException)
        {
            throw new Neo4jProtocolException($"Unreadable {type} value {typed.GetRawText()}: {e.Message}", e);
        }
    }

    public static Dictionary<string, object?> ReadMap(JsonElement map)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (map.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in map.EnumerateObject())
            {
                result[property.Name] = Read(property.Value);
            }
        }

        return result;
    }

    private static double ParseFloat(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static Neo4jNode ReadNode(JsonElement node) => new(
        node.GetProperty("_element_id").GetString()!,
        [.. node.GetProperty("_labels").EnumerateArray().Select(l => l.GetString()!)],
        ReadMap(node.TryGetProperty("_properties", out var p) ? p : default));

    private static Neo4jRelationship ReadRelationship(JsonElement relationship) => new(
        relationship.GetProperty("_element_id").GetString()!,
        relationship.GetProperty("_start_node_element_id").GetString()!,
        relationship.GetProperty("_end_node_element_id").GetString()!,
        relationship.GetProperty("_type").GetString()!,
        ReadMap(relationship.TryGetProperty("_properties", out var p) ? p : default));

    /// <summary>Alternating node, relationship, node, ...: one node more than relationships.</summary>
    private static Neo4jPath ReadPath(JsonElement path)
    {
        var elements = path.EnumerateArray().Select(Read).ToList();
        var nodes = elements.Where((_, i) => i % 2 == 0).Select(e => e as Neo4jNode ?? throw new FormatException("A path's even elements are nodes.")).ToList();
        var relationships = elements.Where((_, i) => i % 2 == 1)
            .Select(e => e as Neo4jRelationship ?? throw new FormatException("A path's odd elements are relationships.")).ToList();
        return nodes.Count == relationships.Count + 1 ? new Neo4jPath(nodes, relationships) : throw new FormatException("A path starts and ends with a node.");
    }

    /// <summary><c>SRID=7203;POINT (1.2 3.4)</c> or <c>SRID=9157;POINT Z (1 2 3)</c>.</summary>
    private static Neo4jPoint ReadPoint(string text)
    {
        var parts = text.Split(';', 2);
        if (parts.Length != 2 || !parts[0].StartsWith("SRID=", StringComparison.Ordinal))
        {
            throw new FormatException("A point starts with SRID=.");
        }

        var open = parts[1].IndexOf('(');
        var coordinates = parts[1][(open + 1)..parts[1].IndexOf(')')].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(c => ParseFloat(c)).ToArray();
        var srid = int.Parse(parts[0][5..], CultureInfo.InvariantCulture);
        return coordinates.Length switch
        {
            2 => new Neo4jPoint(srid, coordinates[0], coordinates[1]),
            3 => new Neo4jPoint(srid, coordinates[0], coordinates[1], coordinates[2]),
            _ => throw new FormatException("A point has 2 or 3 coordinates."),
        };
    }
}
