using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Tripmate.Neo4j;

public static class Neo4jServiceExtensions
{
    /// <summary>The <c>Neo4j</c> section, with <c>NEO4J_URI</c> as the address when the section gives none.</summary>
    public static Uri? ReadUri(IConfiguration configuration) =>
        configuration.GetSection(Neo4jOptions.Section).Get<Neo4jOptions>()?.Uri
        ?? (Environment.GetEnvironmentVariable(Neo4jOptions.UriVariable) is { Length: > 0 } text ? new Uri(text) : null);

    /// <summary>
    /// <see cref="Neo4jClient"/> on its own HttpClient. The shared HTTP resilience handler is taken
    /// off it: it would re-send a POST inside an open transaction, running a statement twice; the
    /// client retries whole units of work instead.
    /// </summary>
    public static IServiceCollection AddNeo4jClient(this IServiceCollection services, IConfiguration configuration)
    {
        var uri = ReadUri(configuration);
        services.AddOptions<Neo4jOptions>()
            .Bind(configuration.GetSection(Neo4jOptions.Section))
            .PostConfigure(options => options.Uri ??= uri)
            .Validate(o => o.Uri is { IsAbsoluteUri: true }, $"{Neo4jOptions.Section}:Uri must be the server's absolute HTTP address.")
            .Validate(o => o.BearerToken is not { Length: > 0 } || o.Username is not { Length: > 0 },
                $"{Neo4jOptions.Section}: give a BearerToken or a Username and Password, not both.")
            .ValidateOnStart();
#pragma warning disable EXTEXP0001 // marked experimental, but it is the documented way to opt one client out of ConfigureHttpClientDefaults
        services.AddHttpClient<Neo4jClient>((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<Neo4jOptions>>().Value;
                http.BaseAddress = new Uri(options.Uri!.ToString().TrimEnd('/') + "/");
                http.Timeout = Timeout.InfiniteTimeSpan; // the client's own RequestTimeout applies per request
            })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return services;
    }
}
