using System.Globalization;
using System.Text.Json.Nodes;

namespace Tripmate.Cql.Tests.Oracle;

/// <summary>One bind value in both forms: JSON for the Node oracle and the CLR value our client gets.</summary>
internal sealed record TestValue(string Type, JsonNode? Json, object? Clr)
{
    public JsonObject ToJson() => new() { ["type"] = Type, ["value"] = Json?.DeepClone() };
}

/// <summary>Builders for <see cref="TestValue"/>; the JSON shapes match cql-oracle.js.</summary>
internal static class V
{
    public static TestValue Ascii(string value) => new("ascii", value, new TypedValue(value, CqlType.Ascii));
    public static TestValue Text(string value) => new("text", value, value);
    public static TestValue Int(int value) => new("int", value, value);
    public static TestValue Bigint(long value) => new("bigint", value.ToString(CultureInfo.InvariantCulture), value);
    public static TestValue Boolean(bool value) => new("boolean", value, value);
    public static TestValue Double(double value) => new("double", DoubleJson(value), value);
    public static TestValue Timestamp(long unixMilliseconds) =>
        new("timestamp", unixMilliseconds.ToString(CultureInfo.InvariantCulture), DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds));
    public static TestValue Uuid(string value) => new("uuid", value, Guid.Parse(value));
    public static TestValue Timeuuid(string value) => new("timeuuid", value, new TypedValue(Guid.Parse(value), CqlType.Timeuuid));
    public static TestValue Blob(string hex) => new("blob", hex, Convert.FromHexString(hex));
    public static TestValue Null(string type) => new(type, null, null);
    public static TestValue Unset(string type) => new(type, new JsonObject { ["unset"] = true }, CqlUnset.Value);

    public static TestValue List(string elementType, params TestValue[] items) =>
        new($"list<{elementType}>", new JsonArray(items.Select(i => i.Json?.DeepClone()).ToArray()), items.Select(i => Unwrap(i.Clr)).ToList());

    public static TestValue Set(string elementType, params TestValue[] items) =>
        new($"set<{elementType}>", new JsonArray(items.Select(i => i.Json?.DeepClone()).ToArray()), new HashSet<object?>(items.Select(i => Unwrap(i.Clr))));

    public static TestValue Map(string keyType, string valueType, params (TestValue Key, TestValue Value)[] entries)
    {
        var json = new JsonArray(entries.Select(e => (JsonNode)new JsonArray(e.Key.Json?.DeepClone(), e.Value.Json?.DeepClone())).ToArray());
        var clr = new Dictionary<object, object?>();
        foreach (var (key, value) in entries) clr.Add(Unwrap(key.Clr)!, Unwrap(value.Clr));
        return new($"map<{keyType},{valueType}>", json, new TypedValue(clr, CqlType.Parse($"map<{keyType},{valueType}>")));
    }

    public static JsonNode DoubleJson(double value) =>
        double.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(value.ToString(CultureInfo.InvariantCulture))!;

    // Collection elements are encoded with the collection's declared element type, so the plain value is enough.
    private static object? Unwrap(object? clr) => clr is TypedValue typed ? typed.Value : clr;
}
