using System.Net.Http.Headers;
using System.Net.Http.Json;
using Tripmate.Testing;

namespace Tripmate.Messaging.Tests.Infrastructure;

/// <summary>
/// The real files service, one process for the whole test run (started by the first messaging app,
/// killed when the run ends), trusting these tests' tokens through a key server. Messaging asks it
/// whether a sender may read their attachments.
/// </summary>
public static class FilesService
{
    private static readonly Lazy<(KeyServer Keys, ServiceProcess Files)> Running = new(Start);

    public static Uri BaseAddress => Running.Value.Files.BaseAddress;

    /// <summary>Uploads a small text file as the user; returns its id.</summary>
    public static async Task<Guid> UploadAsync(Guid ownerId, string text = "packing list")
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(ownerId));
        using var form = new MultipartFormDataContent { { new StringContent(text), "file", "list.txt" } };
        using var response = await client.PostAsync("/api/files", form);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Uploaded>())!.Id;
    }

    private static (KeyServer, ServiceProcess) Start()
    {
        var keys = KeyServer.StartAsync(Tokens.Issuer, Tokens.Key).GetAwaiter().GetResult();
        var files = ServiceProcess.StartAsync(ServiceBuild.Files, new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = TestServers.RabbitMq,
            ["S3__ServiceUrl"] = TestServers.S3,
            ["S3__Bucket"] = TestServers.S3Bucket, // this test project's bucket: every file here has a key of its own
            ["S3__AccessKey"] = TestServers.S3AccessKey,
            ["S3__SecretKey"] = TestServers.S3SecretKey,
            ["MessageBus__QueuePrefix"] = $"files-for-messaging-{Guid.NewGuid().ToString("N")[..12]}",
            ["Auth__Issuer"] = Tokens.Issuer,
            ["Auth__Authority"] = keys.Address.ToString().TrimEnd('/'),
            ["Auth__RequireHttpsMetadata"] = "false",
        }).GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => files.KillAsync().GetAwaiter().GetResult();
        return (keys, files);
    }

    private sealed record Uploaded(Guid Id);
}
