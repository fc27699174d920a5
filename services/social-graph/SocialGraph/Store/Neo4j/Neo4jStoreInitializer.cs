using Microsoft.Extensions.Options;
using Tripmate.Neo4j;
using Tripmate.Neo4j.Http;
using Tripmate.ServiceDefaults.Stores;

namespace Tripmate.SocialGraph.Store.Neo4j;

internal sealed class Neo4jStoreInitializer(Neo4jClient neo4j, IOptions<Neo4jOptions> options, ILogger<Neo4jStoreInitializer> logger) : IStoreInitializer
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        logger.LogInformation("Using the Neo4j graph store at {Uri}, database {Database}.", options.Value.Uri, options.Value.Database);
        foreach (var statement in Neo4jSchema.All)
        {
            await neo4j.RunAsync(statement.With(), AccessMode.Write, ct);
        }
    }
}
