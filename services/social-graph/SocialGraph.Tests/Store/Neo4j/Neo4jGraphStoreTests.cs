using Microsoft.Extensions.Options;
using Tripmate.Neo4j;
using Tripmate.Outbox;
using Tripmate.SocialGraph.Store;
using Tripmate.SocialGraph.Store.Neo4j;

namespace Tripmate.SocialGraph.Tests.Store.Neo4j;

/// <summary>
/// The contract suite on a real Neo4j 5, whenever NEO4J_URI names one (no Neo4j can run on the
/// project's machines; a CI with Docker sets it, with NEO4J_USERNAME / NEO4J_PASSWORD if needed).
/// Tests keep apart by their own ids in the shared database.
/// </summary>
public sealed class Neo4jGraphStoreTests : GraphStoreContract
{
    private static readonly SemaphoreSlim SchemaLock = new(1, 1);
    private static bool _schemaCreated;

    private static string? Uri => Environment.GetEnvironmentVariable(Neo4jOptions.UriVariable);

    protected override async Task<(IGraphStore Graph, IOutboxStore Outbox)> OpenAsync()
    {
        Skip.If(string.IsNullOrWhiteSpace(Uri),
            $"{Neo4jOptions.UriVariable} is not set: no Neo4j to run the graph store contract against (the embedded run covers it here).");
        var options = Options.Create(new Neo4jOptions
        {
            Uri = new Uri(Uri!),
            Username = Environment.GetEnvironmentVariable("NEO4J_USERNAME"),
            Password = Environment.GetEnvironmentVariable("NEO4J_PASSWORD"),
        });
        var client = new Neo4jClient(new HttpClient { BaseAddress = new Uri(Uri!.TrimEnd('/') + "/") }, options);
        await SchemaLock.WaitAsync();
        try
        {
            if (!_schemaCreated)
            {
                foreach (var statement in Neo4jSchema.All)
                {
                    await client.RunAsync(statement.With(), Tripmate.Neo4j.Http.AccessMode.Write, Ct);
                }

                _schemaCreated = true;
            }
        }
        finally
        {
            SchemaLock.Release();
        }

        return (new Neo4jGraphStore(client, new OutboxSignal()), new Neo4jOutboxStore(client, Clock));
    }
}
