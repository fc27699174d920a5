using System.Diagnostics;

namespace Tripmate.Neo4j;

/// <summary>
/// A client span per Cypher statement (OpenTelemetry's database conventions), around the HTTP
/// request the HttpClient instrumentation already traces, so a trace names the query and not only
/// <c>POST /db/neo4j/query/v2</c>. The service defaults listen to <see cref="SourceName"/>.
/// </summary>
public static class Neo4jTelemetry
{
    public const string SourceName = "Tripmate.Neo4j";

    private static readonly ActivitySource Source = new(SourceName);

    internal static async Task<QueryResult> TraceAsync(CypherStatement statement, string database, Func<Task<QueryResult>> run)
    {
        var operation = statement.Text.TrimStart().Split([' ', '\n', '\t'], 2)[0].ToUpperInvariant();
        using var activity = Source.StartActivity($"{operation} {database}", ActivityKind.Client);
        activity?.SetTag("db.system.name", "neo4j");
        activity?.SetTag("db.namespace", database);
        activity?.SetTag("db.operation.name", operation);
        activity?.SetTag("db.query.text", statement.Text);
        try
        {
            return await run();
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message).SetTag("error.type", e.GetType().Name);
            throw;
        }
    }
}
