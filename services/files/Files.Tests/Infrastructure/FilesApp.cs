using System.Net.Http.Headers;
using Amazon.S3;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
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
        With("S3:AccessKey", "S3RVER");
        With("S3:SecretKey", "S3RVER");
        With("MessageBus:QueuePrefix", $"files-test-{Guid.NewGuid().ToString("N")[..12]}");
        With("Auth:Issuer", TestTokens.Issuer);
        With("Auth:Audience", TestTokens.Audience);
        With("Outbox:PollInterval", "00:00:00.500");
    }

    public string Bucket { get; }

    /// <summary>Another instance on this app's bucket (which this app makes and empties), with queues of its own.</summary>
    public FilesApp SecondInstance() => new(Bucket);

    public IAmazonS3 S3 => Services.GetRequiredService<IAmazonS3>();

    public Bucket Store => Services.GetRequiredService<Bucket>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            options.Authority = null;
            options.TokenValidationParameters.IssuerSigningKey = TestTokens.Key;
        }));
    }

    public override async Task InitializeAsync()
    {
        if (_ownsBucket)
        {
            using var s3 = TestBuckets.Client();
            await s3.PutBucketAsync(Bucket);
        }

        await base.InitializeAsync();
    }

    protected override async Task DisposeResourcesAsync()
    {
        if (_ownsBucket)
        {
            await TestBuckets.DeleteAsync(Bucket);
        }
    }

    public HttpClient ClientFor(Guid userId)
    {
        var client = Anonymous();
        client.Timeout = TimeSpan.FromMinutes(3);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(userId));
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
