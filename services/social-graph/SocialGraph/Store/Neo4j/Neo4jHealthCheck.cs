using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Tripmate.Neo4j;
using Tripmate.Neo4j.Http;

namespace Tripmate.SocialGraph.Store.Neo4j;

/// <summary>Ready when Neo4j answers a query; names the store and its address.</summary>
internal sealed class Neo4jHealthCheck(Neo4jClient neo4j, IOptions<Neo4jOptions> options) : IHealthCheck
{
    internal static readonly CypherQuery Probe = new("health.probe", "RETURN 1 AS ok");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["store"] = "neo4j", ["uri"] = options.Value.Uri?.ToString() ?? "" };
        try
        {
            await neo4j.RunAsync(Probe.With(), AccessMode.Read, cancellationToken);
            return HealthCheckResult.Healthy($"neo4j {options.Value.Uri}", data);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"neo4j {options.Value.Uri}", e, data);
        }
    }
}
