using System.Net.Http.Headers;
using Amazon.S3;
using Microsoft.Extensions.DependencyInjection;
using Tripmate.Files.Store;
using Tripmate.Testing;

namespace Tripmate.Files.Tests.Infrastructure;

/// <summary>
/// The files service on real Kestrel against the real s3rver and RabbitMQ. Each app has a bucket
/// of its own (created here, emptied after), so its prefixes and outbox are its alone, and queues
/// of its own. Every test makes its own users.
/// </summary>
public class FilesApp : ServiceApp<Program>
{
    private readonly bool _ownsBucket;

    public FilesApp() : this(null)
    {
    }

    private FilesApp(string? sharedBucket)
    {
        _ownsBucket = sharedBucket is null;
        Bucket = sharedBucket ?? $"files-test-{Guid.NewGuid().ToString("N")[..12]}";
        With("ConnectionStrings:RabbitMq", TestServers.RabbitMq);
        With("S3:ServiceUrl", TestServers.S3);
        With("S3:Bucket", Bucket);
        With("S3:AccessKey", TestServers.S3AccessKey);
        With("S3:SecretKey", TestServers.S3SecretKey);
        With("MessageBus:QueuePrefix", $"files-test-{Guid.NewGuid().ToString("N")[..12]}");
        TrustTestTokens();
        With("Outbox:PollInterval", "00:00:00.500");
    }

    public string Bucket { get; }

    /// <summary>The S3 server of this app (the test servers' by default); its bucket is made there.</summary>
    public string S3Url { get; private set; } = TestServers.S3;

    /// <summary>Moves the app to another S3 server (a fixture's private one); call in a subclass's constructor.</summary>
    protected void OnS3(string url)
    {
        S3Url = url;
        With("S3:ServiceUrl", url);
    }

    /// <summary>Another instance on this app's bucket (which this app makes and empties), with queues of its own.</summary>
    public FilesApp SecondInstance() => new(Bucket);

    public IAmazonS3 S3 => Services.GetRequiredService<IAmazonS3>();

    public Bucket Store => Services.GetRequiredService<Bucket>();

    public override async Task InitializeAsync()
    {
        if (_ownsBucket)
        {
            using var s3 = TestBuckets.Client(S3Url);
            await s3.PutBucketAsync(Bucket);
        }

        await base.InitializeAsync();
    }

    protected override async Task DisposeResourcesAsync()
    {
        if (_ownsBucket)
        {
            await TestBuckets.DeleteAsync(Bucket, S3Url);
        }
    }

    public HttpClient ClientFor(Guid userId)
    {
        var client = Anonymous();
        client.Timeout = TimeSpan.FromMinutes(3);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(userId));
        return client;
    }

    public TestUser NewUser()
    {
        var id = Guid.CreateVersion7();
        return new TestUser(id, ClientFor(id));
    }

    /// <summary>Every key in the app's bucket under the prefix, straight from S3.</summary>
    public async Task<List<string>> KeysAsync(string prefix = "")
    {
        var keys = new List<string>();
        await foreach (var listed in Store.ListAllAsync(prefix, CancellationToken.None))
        {
            keys.Add(listed.Key);
        }

        return keys;
    }
}

public sealed record TestUser(Guid Id, HttpClient Client);
