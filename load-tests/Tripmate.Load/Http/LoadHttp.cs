using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Tripmate.Load.Engine;

namespace Tripmate.Load.Http;

/// <summary>
/// The HTTP side of every scenario: one client per target, requests with a JSON body and a bearer
/// token, and an <see cref="Outcome"/> with the status and the bytes each way. Bodies are read to
/// the end (as a real client would), counted, and dropped unless the caller needs them.
/// </summary>
public static class LoadHttp
{
    public static HttpClient CreateClient(Uri baseAddress, int maxConnections = 1024) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = maxConnections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token = null, object? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            // Serialised up front, so the bytes sent are known and no chunked encoding is used.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(json, JsonSerializerOptions.Web));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    /// <summary>Sends, reads the body to the end, and judges the status: 2xx unless <paramref name="ok"/> lists others.</summary>
    public static async Task<Outcome> SendMeasuredAsync(this HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken, params HttpStatusCode[] ok)
    {
        using (request)
        {
            var sent = request.Content?.Headers.ContentLength ?? 0;
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var received = await DrainAsync(response, cancellationToken);
            return new Outcome((int)response.StatusCode, Judge(response.StatusCode, ok), received, sent);
        }
    }

    /// <summary>Like <see cref="SendMeasuredAsync"/>, also returning the JSON body when the status was a success.</summary>
    public static async Task<(Outcome Outcome, T? Body)> SendForJsonAsync<T>(this HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            var sent = request.Content?.Headers.ContentLength ?? 0;
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var outcome = new Outcome((int)response.StatusCode, response.IsSuccessStatusCode, bytes.Length, sent);
            return (outcome, response.IsSuccessStatusCode && bytes.Length > 0 ? JsonSerializer.Deserialize<T>(bytes, JsonSerializerOptions.Web) : default);
        }
    }

    private static bool Judge(HttpStatusCode status, HttpStatusCode[] ok) =>
        ok.Length == 0 ? (int)status is >= 200 and < 300 : ok.Contains(status);

    private static async Task<long> DrainAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            long total = 0;
            for (int read; (read = await body.ReadAsync(buffer, cancellationToken)) > 0;)
            {
                total += read;
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
