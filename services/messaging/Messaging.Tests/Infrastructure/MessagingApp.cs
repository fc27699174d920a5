using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Tripmate.Messaging.Store;
using Tripmate.Testing;

namespace Tripmate.Messaging.Tests.Infrastructure;

/// <summary>
/// The messaging service on real Kestrel, the real RabbitMQ and its embedded SQLite store in a
/// directory of its own. One per test class; every test makes its own users and groups.
/// </summary>
public class MessagingApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly MessagingStoreDirectory _store;
    private readonly bool _ownsStore;

    public MessagingApp() : this(new MessagingStoreDirectory(), ownsStore: true)
    {
    }

    /// <summary>Several apps may share one store (and its queues), as several instances of the service do.</summary>
    internal MessagingApp(MessagingStoreDirectory store, bool ownsStore = false)
    {
        _store = store;
        _ownsStore = ownsStore;
        Port = FreePort();
        UseKestrel(Port);
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>Tiny time buckets, so a conversation of a few messages already spans several and paging crosses them.</summary>
    public static readonly TimeSpan BucketSize = TimeSpan.FromMilliseconds(5);

    public const int MaxStreamsPerUser = 3;

    /// <summary>Short, so heartbeat tests need not wait 15 s.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMilliseconds(500);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:RabbitMq", TestServers.RabbitMq);
        builder.UseSetting("Messaging:DataDirectory", _store.Path);
        builder.UseSetting("MessageBus:QueuePrefix", _store.EndpointPrefix);
        builder.UseSetting("Auth:Issuer", TestTokens.Issuer);
        builder.UseSetting("Auth:Audience", TestTokens.Audience);
        builder.UseSetting("Notifications:HeartbeatInterval", HeartbeatInterval.ToString());
        builder.UseSetting("Messaging:BucketSize", BucketSize.ToString());
        builder.UseSetting("Notifications:MaxStreamsPerUser", MaxStreamsPerUser.ToString());
        builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            options.Authority = null;
            options.TokenValidationParameters.IssuerSigningKey = TestTokens.Key;
        }));
    }

    /// <summary>
    /// Returns once the bus's queues are bound: the bus starts in the background, and an event
    /// published before that would find no queue and be dropped by the broker.
    /// </summary>
    public virtual async Task InitializeAsync()
    {
        StartServer();
        await Eventually.WaitForAsync(
            async () => JsonDocument.Parse(await Anonymous().GetStringAsync("/health/ready")).RootElement.GetProperty("status").GetString(),
            status => status == "Healthy", TimeSpan.FromSeconds(60), "the service, its store and its bus to be healthy");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsStore)
        {
            _store.Dispose();
        }
    }

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A client signed in as this user (users exist for messaging as soon as a token names them).</summary>
    public HttpClient ClientFor(Guid userId)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(userId));
        return client;
    }

    /// <summary>A user that exists as far as messaging knows (as if identity's UserRegistered had arrived).</summary>
    public TestUser NewUser()
    {
        var id = Guid.CreateVersion7();
        MarkRegistered(id);
        return new TestUser(id, ClientFor(id));
    }

    /// <summary>Writes the user directory directly; off the test's context, since NewUser is synchronous.</summary>
    public void MarkRegistered(Guid userId) =>
        Task.Run(() => Services.GetRequiredService<IUserDirectory>().MarkRegisteredAsync(userId, CancellationToken.None)).GetAwaiter().GetResult();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed record TestUser(Guid Id, HttpClient Client);

/// <summary>A store directory and the queue prefix that goes with it: one store, one set of queues.</summary>
public sealed class MessagingStoreDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("tripmate-messaging-").FullName;

    public string EndpointPrefix { get; } = $"messaging-test-{Guid.NewGuid().ToString("N")[..12]}";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a stopping host; the temp directory is cleaned by the system.
        }
    }
}
