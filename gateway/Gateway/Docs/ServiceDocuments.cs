using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Yarp.ReverseProxy;

namespace Tripmate.Gateway.Docs;

/// <summary>
/// Each service's OpenAPI document, fetched from one available instance of its cluster and kept
/// for <see cref="CacheDuration"/>: building one costs a service ~14 ms, and anyone may ask for
/// it, so repeated requests (and <c>/docs</c>, which lists them all) must not reach the services.
/// A service with no available instance, or one that serves no document, is left out (not kept).
/// </summary>
public sealed class ServiceDocuments(HttpClient http, IProxyStateLookup proxy, IMemoryCache cache, ILogger<ServiceDocuments> logger)
{
    /// <summary>Short: a redeployed service's new document shows within this.</summary>
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    /// <summary>Where every service serves its document (Microsoft.AspNetCore.OpenApi's default).</summary>
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>The documents of every service that has one right now, by service (cluster) name.</summary>
    public async Task<IReadOnlyDictionary<string, string>> FetchAllAsync(CancellationToken cancel)
    {
        var names = proxy.GetClusters().Select(cluster => cluster.ClusterId).Order().ToList();
        var documents = await Task.WhenAll(names.Select(name => FetchAsync(name, cancel)));
        return names.Zip(documents)
            .Where(pair => pair.Second is not null)
            .ToDictionary(pair => pair.First, pair => pair.Second!);
    }

    /// <summary>The service's document, or null when it has no available instance or no document.</summary>
    public async Task<string?> FetchAsync(string service, CancellationToken cancel)
    {
        var key = $"openapi:{service}";
        if (cache.TryGetValue(key, out string? kept))
        {
            return kept;
        }

        var document = await FetchFromServiceAsync(service, cancel);
        if (document is not null)
        {
            cache.Set(key, document, CacheDuration);
        }

        return document;
    }

    private async Task<string?> FetchFromServiceAsync(string service, CancellationToken cancel)
    {
        if (!proxy.TryGetCluster(service, out var cluster)
            || cluster.DestinationsState.AvailableDestinations is not [var instance, ..])
        {
            return null;
        }

        var address = new Uri(new Uri(instance.Model.Config.Address), DocumentPath);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            // The first document an instance builds after start can take seconds on a busy machine
            // (over 15 s was seen under a load average of 40).
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            var body = await http.GetStringAsync(address, timeout.Token);
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("openapi", out _) ? body : null;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or OperationCanceledException && !cancel.IsCancellationRequested)
        {
            logger.LogInformation("No OpenAPI document from {Service} at {Address}: {Reason}", service, address, e.Message);
            return null;
        }
    }
}
