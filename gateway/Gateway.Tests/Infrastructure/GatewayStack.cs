using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Infrastructure;

/// <summary>
/// A gateway (in this process, real Kestrel) in front of real identity processes that share one
/// private PostgreSQL database and one signing key, plus an <see cref="EchoBackend"/> for each
/// cluster named in <c>echoClusters</c>. One per test class; tests still make their own users.
/// Subclass to change the shape or to add gateway settings (<see cref="ConfigureGateway"/>).
/// </summary>
public class GatewayStack(int identityInstances, params string[] echoClusters) : IAsyncLifetime
{
    public const string Issuer = "tripmate-gateway-tests";

    private readonly PostgresDatabase _database = PostgresDatabase.NewName("gateway");
    private readonly List<ServiceProcess> _identity = [];
    private readonly Dictionary<string, EchoBackend> _echoes = [];
    private readonly List<GatewayApp> _gateways = [];
    private readonly string _stackId = Guid.NewGuid().ToString("N");
    private readonly Lazy<string> _dataDirectory = new(() => Directory.CreateTempSubdirectory("tripmate-gateway-stack-").FullName);

    public GatewayStack() : this(identityInstances: 1)
    {
    }

    /// <summary>The PEM key every identity instance of this stack signs with (tests may sign their own tokens).</summary>
    public string SigningKeyPath { get; } = Path.Combine(Path.GetTempPath(), $"tripmate-gateway-{Guid.NewGuid():N}.pem");

    public IReadOnlyList<ServiceProcess> Identity => _identity;

    public IReadOnlyDictionary<string, EchoBackend> Echoes => _echoes;

    /// <summary>The first gateway instance, started with the stack.</summary>
    public GatewayApp Gateway => _gateways[0];

    public Uri BaseAddress => Gateway.BaseAddress;

    /// <summary>Settings every gateway of this stack gets on top of the routes (e.g. <c>ConnectionStrings:Redis</c>).</summary>
    protected virtual void ConfigureGateway(IDictionary<string, string?> settings)
    {
    }

    /// <summary>Starts more real backends once identity runs (they may need its keys) and before the first gateway.</summary>
    protected virtual Task StartBackendsAsync() => Task.CompletedTask;

    /// <summary>Environment every identity instance of this stack gets on top of the defaults.</summary>
    protected virtual void ConfigureIdentity(IDictionary<string, string> environment)
    {
    }

    /// <summary>
    /// A real service process on the real RabbitMQ with an embedded store and queues of this
    /// stack's own, validating tokens with identity's keys; returned once healthy (its queues bound).
    /// </summary>
    protected async Task<ServiceProcess> StartServiceAsync(string dll, string section, string name, Dictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = TestServers.RabbitMq,
            [$"{section}__Store"] = "Embedded",
            [$"{section}__DataDirectory"] = Path.Combine(_dataDirectory.Value, name),
            ["MessageBus__QueuePrefix"] = $"e2e-{_stackId[..12]}-{name}",
            ["Auth__Issuer"] = Issuer,
            ["Auth__Authority"] = Identity[0].BaseAddress.ToString().TrimEnd('/'),
            ["Auth__RequireHttpsMetadata"] = "false",
        };
        foreach (var (key, value) in extra ?? [])
        {
            environment[key] = value;
        }

        var service = await ServiceProcess.StartAsync(dll, environment);
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        await Eventually.WaitForAsync(
            async () =>
            {
                using var response = await http.GetAsync("/health/ready");
                return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString();
            },
            status => status == "Healthy", TimeSpan.FromSeconds(60), $"{service} to be healthy");
        return service;
    }

    public virtual async Task InitializeAsync()
    {
        // The first instance creates and migrates the database; the others only join it.
        _identity.Add(await StartIdentityAsync());
        _identity.AddRange(await Task.WhenAll(Enumerable.Range(1, identityInstances - 1).Select(_ => StartIdentityAsync())));
        foreach (var cluster in echoClusters)
        {
            _echoes[cluster] = await EchoBackend.StartAsync(cluster);
        }

        await StartBackendsAsync();
        StartGateway();
    }

    /// <summary>Starts one more gateway instance on the same backends, e.g. to test what instances share.</summary>
    public GatewayApp StartGateway(IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Issuer"] = Issuer,
            ["ConnectionStrings:Redis"] = TestServers.Redis,
            ["ConnectionStrings:RabbitMq"] = TestServers.RabbitMq,
            // The gateways of one stack share the eviction queue and rate-limit counters, as
            // production instances do; other stacks (test classes) have their own. Limits are
            // lifted here, since every test signs in from 127.0.0.1; rate-limit tests set their own.
            ["MessageBus:QueuePrefix"] = $"gateway-{_stackId}",
            ["RateLimiting:KeyPrefix"] = $"gw-{_stackId}",
            ["RateLimiting:General:PermitLimit"] = "100000",
            ["RateLimiting:Strict:PermitLimit"] = "100000",
        };
        for (var i = 0; i < _identity.Count; i++)
        {
            settings[$"ReverseProxy:Clusters:identity:Destinations:identity-{i}:Address"] = _identity[i].BaseAddress.ToString();
        }

        foreach (var (cluster, echo) in _echoes)
        {
            settings[$"ReverseProxy:Clusters:{cluster}:Destinations:{cluster}-echo:Address"] = echo.BaseAddress.ToString();
        }

        ConfigureGateway(settings);
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var gateway = new GatewayApp(settings);
        _gateways.Add(gateway);
        gateway.StartServer();
        return gateway;
    }

    public HttpClient Anonymous() => Gateway.Anonymous();

    /// <summary>Registers and signs in a new user through the gateway; the client carries their token.</summary>
    public async Task<TestUser> NewUserAsync(string? displayName = null)
    {
        var email = $"u{Guid.NewGuid():N}@example.test";
        const string password = "correct horse battery";
        using var anonymous = Anonymous();
        var register = await anonymous.PostAsJsonAsync("/api/auth/register",
            new { email, password, displayName = displayName ?? $"Traveller {Guid.NewGuid():N}" });
        Assert.True(register.StatusCode == HttpStatusCode.Created, await register.Content.ReadAsStringAsync());
        var account = (await register.Content.ReadFromJsonAsync<Account>())!;

        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.True(login.StatusCode == HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        var token = (await login.Content.ReadFromJsonAsync<TokenDto>())!;

        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return new TestUser(account.Id, email, password, token.AccessToken, client);
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            await gateway.DisposeAsync();
        }

        foreach (var echo in _echoes.Values)
        {
            await echo.DisposeAsync();
        }

        foreach (var identity in _identity)
        {
            await identity.DisposeAsync();
        }

        await _database.DisposeAsync();
        File.Delete(SigningKeyPath);
        if (_dataDirectory.IsValueCreated)
        {
            Directory.Delete(_dataDirectory.Value, recursive: true);
        }
    }

    private Task<ServiceProcess> StartIdentityAsync()
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Identity"] = _database.ConnectionString,
            ["ConnectionStrings__RabbitMq"] = TestServers.RabbitMq,
            ["Identity__SigningKeyPath"] = SigningKeyPath,
            ["Identity__CreateSigningKeyIfMissing"] = "true",
            ["Auth__Issuer"] = Issuer,
            // One line per request, so a test can tell which instance served what.
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        };
        ConfigureIdentity(environment);
        return ServiceProcess.StartAsync(ServiceBuild.Identity, environment);
    }
}

public sealed record TestUser(Guid Id, string Email, string Password, string AccessToken, HttpClient Client);

public sealed record Account(Guid Id, string Email, string DisplayName, string? Bio, DateTimeOffset CreatedAt);

public sealed record TokenDto(string AccessToken, string TokenType, int ExpiresIn);

public sealed record Profile(Guid Id, string DisplayName, string? Bio, DateTimeOffset CreatedAt);
