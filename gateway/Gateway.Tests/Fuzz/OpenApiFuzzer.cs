using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tripmate.Gateway.Tests.Fuzz;

/// <summary>
/// Walks every operation of an OpenAPI document with valid, boundary and hostile values, as each
/// kind of caller, and reports every answer that is a server error, has a status the document does
/// not list, or has a JSON body its documented schema does not accept.
/// </summary>
public sealed class OpenApiFuzzer(ApiDocument document, FuzzCallers callers, Random random, IReadOnlyList<Guid> knownIds)
{
    private static readonly string[] RawBodies = ["", "{", "null", "[]", "\"text\"", "{\"a\":", "not json at all"];

    private readonly FuzzValues _values = new(document, random, knownIds);
    private readonly ResponseSchemas _schemas = new(document);

    public ApiDocument Document => document;

    public int RequestsSent { get; private set; }

    public async Task<IReadOnlyList<string>> RunAsync(ApiDocument.Operation operation, int cases)
    {
        var findings = new List<string>();
        for (var i = 0; i < cases; i++)
        {
            var (callerName, client) = await callers.PickAsync(operation, random);
            using var request = BuildRequest(operation);
            var described = $"{callerName}: {request.Method} {request.RequestUri}{await BodyTextAsync(request)}";
            RequestsSent++;
            try
            {
                using var response = await client.SendAsync(request, operation.IsStream ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead);
                var body = operation.IsStream && response.IsSuccessStatusCode ? "" : await response.Content.ReadAsStringAsync();
                if (Check(operation, response, body) is { } problem)
                {
                    var headers = string.Join("; ", response.Headers.Where(h => h.Key is "WWW-Authenticate" or "X-Request-Id").Select(h => $"{h.Key}: {string.Join(',', h.Value)}"));
                    findings.Add($"{document.Service} {operation.Name}: {problem}\n    request  {described}\n    answered {(int)response.StatusCode} ({headers}) {Truncate(body)}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                findings.Add($"{document.Service} {operation.Name}: no answer ({e.Message})\n    request  {described}");
            }
        }

        return findings;
    }

    private string? Check(ApiDocument.Operation operation, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return $"server error {status}";
        }

        var documented = operation.Responses[status.ToString()] ?? operation.Responses["default"];
        if (documented is null)
        {
            return $"status {status} is not documented (documented: {string.Join(", ", operation.Responses.Select(r => r.Key))})";
        }

        if (body.Length == 0 || response.Content.Headers.ContentType?.MediaType is not { } mediaType || !mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            return null;
        }

        if (documented["content"]?[mediaType]?["schema"] is not { } schema)
        {
            return $"{mediaType} is not documented for {status} (documented: {string.Join(", ", documented["content"]?.AsObject().Select(c => c.Key) ?? [])})";
        }

        return _schemas.Mismatch(schema, body) is { } mismatch ? $"body does not match the documented schema of {status}: {mismatch}" : null;
    }

    private HttpRequestMessage BuildRequest(ApiDocument.Operation operation)
    {
        var path = operation.Path;
        var query = new List<string>();
        var headers = new List<(string, string)>();
        foreach (var parameter in operation.Parameters)
        {
            var name = parameter["name"]!.GetValue<string>();
            var value = _values.Parameter(parameter);
            switch (parameter["in"]?.GetValue<string>())
            {
                case "path":
                    path = path.Replace($"{{{name}}}", Uri.EscapeDataString(value is { Length: > 0 } ? value : knownIds[random.Next(knownIds.Count)].ToString()));
                    break;
                case "query" when value is not null:
                    query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
                    break;
                case "header" when value is not null && value.All(c => c is >= ' ' and <= '~'):
                    headers.Add((name, value));
                    break;
            }
        }

        var request = new HttpRequestMessage(new HttpMethod(operation.Method), query.Count == 0 ? path : $"{path}?{string.Join('&', query)}");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (operation.BodySchema is { } schema)
        {
            var text = random.Next(8) == 0 ? RawBodies[random.Next(RawBodies.Length)] : _values.Body(schema)?.ToJsonString() ?? "null";
            request.Content = new StringContent(text, Encoding.UTF8, random.Next(20) == 0 ? "text/plain" : "application/json");
        }

        return request;
    }

    private static async Task<string> BodyTextAsync(HttpRequestMessage request) =>
        request.Content is null ? "" : $" {Truncate(await request.Content.ReadAsStringAsync())}";

    private static string Truncate(string text) => text.Length <= 300 ? text : $"{text[..300]}... ({text.Length} chars)";
}
