using System.Diagnostics;

namespace Tripmate.Cql;

/// <summary>
/// A client span per request (OpenTelemetry's database conventions: <c>db.system.name</c>,
/// <c>db.operation.name</c>, <c>db.query.text</c>), so a trace shows each statement a request ran
/// and how long Cassandra took. The service defaults listen to <see cref="SourceName"/>.
/// </summary>
public static class CqlTelemetry
{
    public const string SourceName = "Tripmate.Cql";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>Runs <paramref name="request"/> inside a span named for the statement's operation (<c>SELECT</c>, <c>BATCH</c>, ...).</summary>
    internal static async Task<T> TraceAsync<T>(string operation, string? text, Func<Task<T>> request)
    {
        using var activity = Source.StartActivity(operation, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("db.system.name", "cassandra");
            activity.SetTag("db.operation.name", operation);
            activity.SetTag("db.query.text", text);
        }

        try
        {
            return await request().ConfigureAwait(false);
        }
        catch (Exception e) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, e.Message);
            activity.SetTag("error.type", e.GetType().Name);
            throw;
        }
    }

    /// <summary>The statement's first word in capitals: <c>select * from t</c> → <c>SELECT</c>.</summary>
    internal static string Operation(string cql)
    {
        var text = cql.AsSpan().TrimStart();
        var end = text.IndexOfAny(' ', '\n', '\t');
        return (end < 0 ? text : text[..end]).ToString().ToUpperInvariant();
    }
}
