using System.Net.Http.Json;
using Tripmate.Gateway.Tests.Infrastructure;

namespace Tripmate.Gateway.Tests.Caching;

/// <summary>
/// A service the gateway has never heard of, added by configuration alone (a route and a
/// destination, nothing in the cache's settings): an <see cref="EchoBackend"/> that marks each
/// answer as its request asks (<see cref="AnyService.Url"/>). Identity signs the users in.
/// </summary>
public sealed class AnyServiceStack() : GatewayStack(identityInstances: 1, AnyService.Cluster)
{
    protected override void ConfigureGateway(IDictionary<string, string?> settings)
    {
        settings[$"ReverseProxy:Routes:{AnyService.Cluster}:ClusterId"] = AnyService.Cluster;
        settings[$"ReverseProxy:Routes:{AnyService.Cluster}:Match:Path"] = "/api/any/{**rest}";
    }

    /// <summary>A client of another gateway instance on the same backends, whose cache keeps nothing longer than <paramref name="maxLifetime"/>.</summary>
    public HttpClient ThroughGatewayWithCeiling(TestUser user, TimeSpan maxLifetime)
    {
        var client = StartGateway(new Dictionary<string, string?> { ["Caching:MaxLifetime"] = maxLifetime.ToString() }).Anonymous();
        client.DefaultRequestHeaders.Authorization = user.Client.DefaultRequestHeaders.Authorization;
        return client;
    }
}

public static class AnyService
{
    public const string Cluster = "any-service";

    /// <summary>
    /// A path of the service whose answer carries these headers ("Name: value"). Unless given, the
    /// path is new and of its own shape (no id in it), so what another test's answers taught the
    /// gateway about a shape (<c>UnmarkedPaths</c>) plays no part.
    /// </summary>
    public static string Url(string? path = null, params string[] headers) =>
        $"/api/any/{path ?? $"path-{Guid.NewGuid():N}"}?" + string.Join('&', headers.Select(h => "header=" + Uri.EscapeDataString(h)));

    public static string Private(int maxAge = 60) => $"Cache-Control: private, max-age={maxAge}";

    public static string Public(int maxAge = 60) => $"Cache-Control: public, max-age={maxAge}";

    public static string Tags(params string[] tags) => $"Surrogate-Key: {string.Join(' ', tags)}";

    public static string Invalidates(params string[] tags) => $"Surrogate-Key-Invalidate: {string.Join(' ', tags)}";

    /// <summary>A tag no other test uses.</summary>
    public static string NewTag() => $"thing:{Guid.NewGuid()}";

    /// <summary>The answer, with the echo it carried (its <c>Served</c> number tells a fresh answer from a copy).</summary>
    public static async Task<(HttpResponseMessage Response, EchoBackend.Echo Echo)> GetEchoAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode || (int)response.StatusCode == 404, $"{url}: {(int)response.StatusCode}");
        return (response, (await response.Content.ReadFromJsonAsync<EchoBackend.Echo>())!);
    }
}
