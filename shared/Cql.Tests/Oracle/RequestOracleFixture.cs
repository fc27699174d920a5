using System.Text.Json.Nodes;

namespace Tripmate.Cql.Tests.Oracle;

/// <summary>Asks the Node driver to write every request of <see cref="RequestCases"/> in one process run.</summary>
public sealed class RequestOracleFixture
{
    public RequestOracleFixture()
    {
        Cases = RequestCases.All().ToDictionary(c => c.Name);
        var input = new JsonObject { ["requests"] = new JsonArray(Cases.Values.Select(c => (JsonNode)c.ToJson()).ToArray()) };
        var output = NodeOracle.Run(input);
        DriverVersion = (string?)output["driverVersion"];
        DriverResults = output["requests"]!.AsObject().ToDictionary(p => p.Key, p => p.Value);
    }

    internal IReadOnlyDictionary<string, RequestCase> Cases { get; }

    internal IReadOnlyDictionary<string, JsonNode?> DriverResults { get; }

    public string? DriverVersion { get; }
}
