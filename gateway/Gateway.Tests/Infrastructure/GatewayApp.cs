using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Infrastructure;

/// <summary>
/// One gateway instance in this process on real Kestrel, configured only through settings (the
/// same keys as its environment variables, with ':' for '__'). Fetches identity's keys through its
/// own <c>/.well-known</c> route, so any healthy identity instance answers.
/// </summary>
public sealed class GatewayApp : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public GatewayApp(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        Port = FreePort.Next();
        UseKestrel(Port);
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>What this gateway logged.</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.UseSetting("Auth:Authority", BaseAddress.ToString().TrimEnd('/'));
        builder.UseSetting("Auth:RequireHttpsMetadata", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };
}
