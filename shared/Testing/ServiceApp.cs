using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace Tripmate.Testing;

/// <summary>
/// A service in this process on real Kestrel (a free loopback port, so clients connect over TCP
/// as they would in production), configured only through settings (the keys of its environment
/// variables, with ':' for '__') on top of its appsettings.Development.json, against the real
/// servers. One per test class; services subclass it to add their own settings and steps.
/// </summary>
public class ServiceApp<TEntryPoint> : WebApplicationFactory<TEntryPoint>, IAsyncLifetime
    where TEntryPoint : class
{
    private readonly Dictionary<string, string?> _settings = [];
    private bool _trustsTestTokens;

    public ServiceApp()
    {
        Port = FreePort.Next();
        OperatorPort = FreePort.Next();
        UseKestrel(kestrel =>
        {
            kestrel.Listen(System.Net.IPAddress.Loopback, Port);
            kestrel.Listen(System.Net.IPAddress.Loopback, OperatorPort);
        });
    }

    public int Port { get; }

    /// <summary>The port only operators reach (Health:OperatorPort), where health answers name each check.</summary>
    public int OperatorPort { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>What the service logged, for tests of what an operator would be told.</summary>
    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    /// <summary>Sets one setting; call before the host starts (in the constructor of a subclass, or before <see cref="InitializeAsync"/>).</summary>
    public ServiceApp<TEntryPoint> With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>
    /// Tokens are checked against <see cref="Tokens.Key"/> (signed by <see cref="Tokens.For"/>)
    /// instead of keys fetched from identity, which the test does not run.
    /// </summary>
    protected void TrustTestTokens()
    {
        _trustsTestTokens = true;
        With("Auth:Issuer", Tokens.Issuer);
        With("Auth:Audience", Tokens.Audience);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureLogging(logging => logging.AddFakeLogging());
        builder.UseSetting("Health:OperatorPort", OperatorPort.ToString(System.Globalization.CultureInfo.InvariantCulture)); // ServiceDefaults' OperatorPort.Setting
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_trustsTestTokens)
        {
            builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                options.Authority = null;
                options.TokenValidationParameters.IssuerSigningKey = Tokens.Key;
            }));
        }
    }

    /// <summary>
    /// Starts the host and returns once its readiness report is Healthy: the bus starts in the
    /// background, and an event published before its queues are bound would be dropped.
    /// </summary>
    public virtual async Task InitializeAsync()
    {
        StartServer();
        using var client = Anonymous();
        await Eventually.WaitForAsync(
            async () => (await client.GetFromJsonAsync<Readiness>("/health/ready"))?.Status,
            status => status == "Healthy", ServiceProcess.ReadyTimeout, $"{typeof(TEntryPoint).Assembly.GetName().Name} to be healthy");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await DisposeResourcesAsync();
    }

    /// <summary>What a subclass made for the host (a database, a directory), released after it stopped.</summary>
    protected virtual Task DisposeResourcesAsync() => Task.CompletedTask;

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A client on the <see cref="OperatorPort"/>, as an operator's port-forward would be.</summary>
    public HttpClient Operator() => new() { BaseAddress = new Uri($"http://127.0.0.1:{OperatorPort}"), Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The readiness report answers 503 while unhealthy: read its body either way.</summary>
    private sealed record Readiness(string Status);
}
