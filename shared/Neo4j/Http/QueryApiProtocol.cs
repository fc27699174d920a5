using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Tripmate.Neo4j.Errors;
using Tripmate.Neo4j.Json;

namespace Tripmate.Neo4j.Http;

/// <summary>The Query API's request bodies and answers, apart from any HTTP sending, so tests can compare them with Neo4j's own client.</summary>
internal static class QueryApiProtocol
{
    /// <summary>Typed JSON both ways (the same media type in Content-Type and Accept); plain JSON accepted for error bodies.</summary>
    public const string MediaType = "application/vnd.neo4j.query";

    public const string Accept = $"{MediaType}, application/json";

    /// <summary>The header a cluster names its member in; echoed on every later request of the transaction.</summary>
    public const string AffinityHeader = "neo4j-cluster-affinity";

    /// <summary>
    /// <c>{"statement", "includeCounters", "bookmarks"?, "maxExecutionTime"?, "impersonatedUser"?,
    /// "accessMode"?, "parameters"?}</c>, in the official client's order. Counters are always asked
    /// for: a write's answer says what it changed. Text is checked for valid UTF-16 first
    /// (<see cref="Utf16"/>), so nothing is sent that the server would store altered.
    /// </summary>
    public static byte[] RequestBody(CypherStatement? statement, AccessMode? accessMode, IReadOnlyCollection<string> bookmarks, Neo4jRunOptions? options = null)
    {
        var timeoutSeconds = options?.TimeoutSeconds;
        var impersonatedUser = options?.CheckedImpersonatedUser;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("statement", Utf16.Checked(statement?.Text ?? "", "The statement"));
            json.WriteBoolean("includeCounters", true);
            if (bookmarks.Count > 0)
            {
                json.WriteStartArray("bookmarks");
                foreach (var bookmark in bookmarks)
                {
                    json.WriteStringValue(Utf16.Checked(bookmark, "A bookmark"));
                }
                json.WriteEndArray();
            }

            if (timeoutSeconds is { } seconds)
            {
                json.WriteNumber("maxExecutionTime", seconds);
            }

            if (impersonatedUser is not null)
            {
                json.WriteString("impersonatedUser", impersonatedUser);
            }

            if (accessMode is { } mode)
            {
                json.WriteString("accessMode", mode == AccessMode.Read ? "Read" : "Write");
            }

            if (statement is { Parameters.Count: > 0 })
            {
                json.WriteStartObject("parameters");
                foreach (var (name, value) in statement.Parameters)
                {
                    json.WritePropertyName(Utf16.Checked(name, "A parameter name"));
                    try
                    {
                        TypedJsonWriter.Write(json, value);
                    }
                    catch (ArgumentException e)
                    {
                        throw new ArgumentException($"Parameter ${name}: {e.Message}", e);
                    }
                }
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The bookmarks a run waits for: the client's last and the caller's, each once.</summary>
    public static IReadOnlyCollection<string> Bookmarks(IReadOnlyList<string> clients, Neo4jRunOptions? options) =>
        options is not { Bookmarks.Count: > 0 } ? clients : [.. clients.Union(options.Bookmarks, StringComparer.Ordinal)];

    /// <summary>A token from a single sign-on provider, sent as it is (RFC 6750); Neo4j's wrapper base64-encodes it, which the server would not read as the token.</summary>
    public static AuthenticationHeaderValue BearerAuthorization(string token) => new("Bearer", Utf16.Checked(token, "The bearer token"));

    /// <summary>Basic credentials as RFC 7617 says: <c>user:password</c> in UTF-8, base64.</summary>
    public static AuthenticationHeaderValue BasicAuthorization(string user, string password) =>
        new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}")));

    /// <summary>
    /// An answer as a result, or the server's error as its exception. Every status is read for
    /// <c>errors</c>: the documentation says failed statements answer 202, the server's code says 400.
    /// </summary>
    public static (QueryResult Result, string? TransactionId) ReadAnswer(HttpStatusCode status, string? mediaType, string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
        }
        catch (JsonException e)
        {
            throw Unexpected(status, $"a body that is not JSON ({e.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                throw Neo4jException.From(
                    first.TryGetProperty("code", out var code) ? code.GetString() ?? "" : first.TryGetProperty("error", out var error) ? error.GetString() ?? "" : "",
                    first.TryGetProperty("message", out var message) ? message.GetString() ?? "" : "",
                    (int)status);
            }

            if ((int)status is < 200 or > 299)
            {
                throw Unexpected(status, "no errors");
            }

            if (mediaType != MediaType && root.TryGetProperty("data", out _))
            {
                throw new Neo4jProtocolException($"Expected typed JSON ({MediaType}), got {mediaType ?? "no content type"}.");
            }

            return (ReadResult(root), root.TryGetProperty("transaction", out var tx) && tx.TryGetProperty("id", out var id) ? id.GetString() : null);
        }
    }

    public static QueryResult ReadResult(JsonElement root)
    {
        IReadOnlyList<string> fields = [];
        var rows = new List<IReadOnlyList<object?>>();
        if (root.TryGetProperty("data", out var data))
        {
            fields = [.. data.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!)];
            foreach (var row in data.GetProperty("values").EnumerateArray())
            {
                rows.Add([.. row.EnumerateArray().Select(TypedJsonReader.Read)]);
            }
        }

        IReadOnlyList<string> bookmarks = root.TryGetProperty("bookmarks", out var b) ? [.. b.EnumerateArray().Select(x => x.GetString()!)] : [];
        Dictionary<string, object?>? counters = null;
        if (root.TryGetProperty("counters", out var c) && c.ValueKind == JsonValueKind.Object)
        {
            counters = c.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
            {
                JsonValueKind.Number => (object?)p.Value.GetInt64(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            });
        }

        return new QueryResult(fields, rows, bookmarks, counters);
    }

    /// <summary>A gateway or proxy in the way, or a server starting: worth another try; anything else is a protocol break.</summary>
    private static Neo4jException Unexpected(HttpStatusCode status, string what) =>
        (int)status is 502 or 503 or 504 or 429 or 408
            ? new Neo4jUnavailableException($"Neo4j answered {(int)status} with {what}.")
            : new Neo4jProtocolException($"Neo4j answered {(int)status} with {what}.");
}

public enum AccessMode
{
    Write,

    /// <summary>May run on a cluster's readers; the statement must not write.</summary>
    Read,
}
