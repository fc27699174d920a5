using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Tripmate.SocialGraph.Store;
using Tripmate.Testing;

namespace Tripmate.SocialGraph.Tests.Infrastructure;

/// <summary>
/// The social-graph service on real Kestrel, the real RabbitMQ and its embedded store in a
/// directory of its own, with queues of its own. One per test class; every test makes its own users.
/// </summary>
public class SocialGraphApp : ServiceApp<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tripmate-social-graph-").FullName;

    public SocialGraphApp()
    {
        With("ConnectionStrings:RabbitMq", TestServers.RabbitMq);
        With("SocialGraph:Store", "Embedded");
        With("SocialGraph:DataDirectory", _dataDirectory);
        With("MessageBus:QueuePrefix", $"social-graph-test-{Guid.NewGuid().ToString("N")[..12]}");
        TrustTestTokens();
    }

    public IGraphStore Graph => Services.GetRequiredService<IGraphStore>();

    protected override Task DisposeResourcesAsync()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a stopping host; the temp directory is cleaned by the system.
        }

        return Task.CompletedTask;
    }

    public HttpClient ClientFor(Guid userId)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(userId));
        return client;
    }

    /// <summary>A registered user (as if identity's UserRegistered had arrived), with a signed-in client.</summary>
    public async Task<TestUser> NewUserAsync()
    {
        var id = Guid.CreateVersion7();
        await Graph.AddUserAsync(id, CancellationToken.None);
        return new TestUser(id, ClientFor(id));
    }
}

public sealed record TestUser(Guid Id, HttpClient Client);
