using System.Text.Json.Nodes;
using Tripmate.Testing;

namespace Tripmate.Cql.Tests.Oracle;

/// <summary>Runs oracle/cql-oracle.js (the official Node.js driver) once on a batch of cases.</summary>
internal static class NodeOracle
{
    public static JsonObject Run(JsonObject cases) =>
        NodeScript.RunJson(Path.Combine("oracle", "cql-oracle.js"), "cassandra-driver", cases, TimeSpan.FromSeconds(60)).AsObject();
}
