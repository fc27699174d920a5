using System.Text.Json.Nodes;

namespace Tripmate.Cql.Tests.Oracle;

/// <summary>Asks the Node driver's reader to decode every frame of <see cref="ResponseCases"/> in one process run.</summary>
public sealed class ResponseOracleFixture
{
    public ResponseOracleFixture()
    {
        Cases = ResponseCases.All().ToDictionary(c => c.Name);
        var input = new JsonObject
        {
            ["responses"] = new JsonArray(Cases.Values.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name, ["frame"] = Convert.ToHexString(c.Frame),
            }).ToArray()),
        };
        DriverDescriptions = NodeOracle.Run(input)["responses"]!.AsObject().ToDictionary(p => p.Key, p => p.Value);
    }

    internal IReadOnlyDictionary<string, ResponseCase> Cases { get; }

    internal IReadOnlyDictionary<string, JsonNode?> DriverDescriptions { get; }
}
