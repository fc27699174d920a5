using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using Tripmate.Neo4j.Values;

namespace Tripmate.Neo4j.Tests.Oracle;

/// <summary>
/// Values as the oracle script passes them across ({"t": "int", "v": "42"} ...): parameters to
/// build as the wrapper's own JS types, and decoded results described field by field, the same
/// way on both sides so they can be compared as JSON.
/// </summary>
internal static class Tagged
{
    public static JsonObject Of(object? value) => value switch
    {
        null => new JsonObject { ["t"] = "null" },
        bool flag => Tag("bool", flag),
        int or long => Tag("int", Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)),
        double number => Tag("float", Float(number)),
        string text => Tag("string", text),
        Guid id => Tag("string", id.ToString("D")),
        byte[] bytes => Tag("bytes", Convert.ToBase64String(bytes)),
        DateOnly date => Of(Neo4jDate.From(date)),
        TimeOnly time => Of(Neo4jLocalTime.From(time)),
        DateTime local => Of(Neo4jLocalDateTime.From(local)),
        DateTimeOffset instant => Of(Neo4jDateTime.From(instant)),
        Neo4jDate date => Tag("date", Calendar(date)),
        Neo4jLocalTime time => Tag("localtime", Clock(time)),
        Neo4jTime time => Tag("time", With(Clock(time.Time), "offset", time.OffsetSeconds)),
        Neo4jLocalDateTime local => Tag("localdatetime", Merge(Calendar(local.Date), Clock(local.Time))),
        Neo4jDateTime dateTime => Tag("datetime", DateTime(dateTime)),
        Neo4jDuration d => Tag("duration", new JsonObject
        {
            ["months"] = Text(d.Months), ["days"] = Text(d.Days), ["seconds"] = Text(d.Seconds), ["ns"] = Text(d.Nanoseconds),
        }),
        Neo4jPoint p => Tag("point", new JsonObject
        {
            ["srid"] = Text(p.Srid), ["x"] = Float(p.X), ["y"] = Float(p.Y), ["z"] = p.Z is { } z ? Float(z) : null,
        }),
        Neo4jNode node => Node(node),
        Neo4jRelationship relationship => Relationship(relationship),
        Neo4jPath path => new JsonObject
        {
            ["t"] = "path",
            ["nodes"] = new JsonArray([.. path.Nodes.Select(n => (JsonNode)Node(n))]),
            ["relationships"] = new JsonArray([.. path.Relationships.Select(r => (JsonNode)Relationship(r))]),
        },
        IDictionary map => Tag("map", Properties(map)),
        IEnumerable list => Tag("list", new JsonArray([.. list.Cast<object?>().Select(item => (JsonNode)Of(item))])),
        _ => throw new ArgumentException($"No tag for {value.GetType().Name}."),
    };

    /// <summary>As JS's String(number) reads back (-0 spelled out, since String(-0) is "0").</summary>
    private static string Float(double number) =>
        number == 0 && double.IsNegative(number) ? "-0" : double.IsNaN(number) ? "NaN" : double.IsInfinity(number) ? (number > 0 ? "Infinity" : "-Infinity")
        : Tripmate.Neo4j.Json.JsNumber.Format(number);

    private static string Text(long number) => number.ToString(CultureInfo.InvariantCulture);

    private static JsonObject Tag(string type, JsonNode? value) => new() { ["t"] = type, ["v"] = value };

    private static JsonObject Calendar(Neo4jDate date) => new() { ["y"] = Text(date.Year), ["m"] = Text(date.Month), ["d"] = Text(date.Day) };

    private static JsonObject Clock(Neo4jLocalTime time) => new()
    {
        ["h"] = Text(time.Hour), ["mi"] = Text(time.Minute), ["s"] = Text(time.Second), ["ns"] = Text(time.Nanosecond),
    };

    private static JsonObject DateTime(Neo4jDateTime dateTime)
    {
        var fields = Merge(Calendar(dateTime.DateTime.Date), Clock(dateTime.DateTime.Time));
        fields["offset"] = Text(dateTime.OffsetSeconds);
        fields["zone"] = dateTime.ZoneId;
        return fields;
    }

    private static JsonObject With(JsonObject fields, string name, long value)
    {
        fields[name] = Text(value);
        return fields;
    }

    private static JsonObject Merge(JsonObject first, JsonObject second)
    {
        foreach (var (key, value) in second.ToList())
        {
            second.Remove(key);
            first[key] = value;
        }

        return first;
    }

    private static JsonObject Properties(IDictionary map)
    {
        var result = new JsonObject();
        foreach (DictionaryEntry entry in map)
        {
            result[(string)entry.Key] = Of(entry.Value);
        }

        return result;
    }

    private static JsonObject Node(Neo4jNode node) => new()
    {
        ["t"] = "node", ["id"] = node.ElementId, ["labels"] = new JsonArray([.. node.Labels.Select(l => (JsonNode)l)]),
        ["properties"] = Properties(node.Properties.ToDictionary()),
    };

    private static JsonObject Relationship(Neo4jRelationship r) => new()
    {
        ["t"] = "relationship", ["id"] = r.ElementId, ["start"] = r.StartNodeElementId, ["end"] = r.EndNodeElementId, ["type"] = r.Type,
        ["properties"] = Properties(r.Properties.ToDictionary()),
    };
}
