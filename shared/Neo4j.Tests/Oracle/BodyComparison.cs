using System.Text.Json.Nodes;

namespace Tripmate.Neo4j.Tests.Oracle;

/// <summary>Where two JSON documents first differ (a path and both values), or null when they are equal, member order aside.</summary>
internal static class BodyComparison
{
    public static string? Difference(JsonNode? ours, JsonNode? theirs, string path = "$")
    {
        switch (ours, theirs)
        {
            case (null, null):
                return null;
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
                {
                    if (!a.ContainsKey(key) || !b.ContainsKey(key))
                    {
                        return $"{path}.{key}: only {(a.ContainsKey(key) ? "ours" : "theirs")} has it";
                    }

                    if (Difference(a[key], b[key], $"{path}.{key}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case (JsonArray a, JsonArray b):
                if (a.Count != b.Count)
                {
                    return $"{path}: {a.Count} items in ours, {b.Count} in theirs";
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (Difference(a[i], b[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return JsonNode.DeepEquals(ours, theirs) ? null : $"{path}: ours {ours?.ToJsonString() ?? "null"}, theirs {theirs?.ToJsonString() ?? "null"}";
        }
    }
}
