using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Tripmate.Files.Tests.Infrastructure;
using Tripmate.Testing;
using Xunit.Abstractions;

namespace Tripmate.Files.Tests.Platform;

/// <summary>
/// Acceptance 2, on the real process: the built service (not this test host, whose memory holds
/// the test's own buffers), its resident set read from /proc while a 100 MiB file goes up and comes back.
/// Alone in its collection: other tests' load on the 2 cores would blur the sampling.
/// </summary>
[Collection(ServerOutageCollection.Name)]
public sealed class MemoryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const long FileBytes = 100L * 1024 * 1024;
    private const long AllowedGrowth = 40L * 1024 * 1024;
    private readonly string _bucket = $"files-memory-{Guid.NewGuid().ToString("N")[..12]}";
    private KeyServer? _keys;
    private ServiceProcess? _files;

    public async Task InitializeAsync()
    {
        using (var s3 = TestBuckets.Client())
        {
            await s3.PutBucketAsync(_bucket);
        }

        _keys = await KeyServer.StartAsync(TestTokens.Issuer, TestTokens.Key);
        _files = await ServiceProcess.StartAsync(ServiceBuild.Files, new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = TestServers.RabbitMq,
            ["S3__ServiceUrl"] = TestServers.S3,
            ["S3__Bucket"] = _bucket,
            ["S3__AccessKey"] = "S3RVER",
            ["S3__SecretKey"] = "S3RVER",
            ["MessageBus__QueuePrefix"] = $"files-memory-{Guid.NewGuid().ToString("N")[..12]}",
            ["Auth__Issuer"] = TestTokens.Issuer,
            ["Auth__Authority"] = _keys.Address.ToString().TrimEnd('/'),
            ["Auth__RequireHttpsMetadata"] = "false",
        });
    }

    public async Task DisposeAsync()
    {
        if (_files is not null)
        {
            await _files.DisposeAsync();
        }

        if (_keys is not null)
        {
            await _keys.DisposeAsync();
        }

        await TestBuckets.DeleteAsync(_bucket);
    }

    [Fact]
    public async Task Uploading_and_downloading_100_MiB_grows_the_working_set_by_less_than_40_MB()
    {
        using var client = new HttpClient { BaseAddress = _files!.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(Guid.CreateVersion7()));
        // Warm up every path once (JIT, connection pools, part buffers), so what follows is the file's cost alone.
        var warmUp = await UploadAsync(client, new GeneratedContent(11 * 1024 * 1024, seed: 1));
        await DownloadAsync(client, warmUp.Id);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var baseline = ResidentBytes();

        long peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, ResidentBytes());
                await Task.Delay(20);
            }
        });
        var content = new GeneratedContent(FileBytes, seed: 100);
        var file = await UploadAsync(client, content);
        var downloaded = await DownloadAsync(client, file.Id);
        await sampling.CancelAsync();
        await sampler;

        Assert.Equal((FileBytes, content.Sha256), (file.Size, file.Sha256));
        Assert.Equal(content.Sha256, downloaded);
        var growth = peak - baseline;
        output.WriteLine($"working set: baseline {baseline / 1048576.0:0.0} MiB, peak {peak / 1048576.0:0.0} MiB, growth {growth / 1048576.0:0.0} MiB");
        Assert.True(growth < AllowedGrowth, $"The working set grew by {growth / 1048576.0:0.0} MiB (from {baseline / 1048576.0:0.0} MiB).");
    }

    private static async Task<FileDto> UploadAsync(HttpClient client, Stream content)
    {
        var form = new MultipartFormDataContent();
        var part = new StreamContent(content, 64 * 1024);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(part, "file", "big.png");
        using var response = await client.PostAsync("/api/files", form);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<FileDto>())!;
    }

    private static async Task<string> DownloadAsync(HttpClient client, Guid fileId)
    {
        using var response = await client.GetAsync($"/api/files/{fileId}/content", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(body));
    }

    /// <summary>VmRSS of the service's process: its working set as Linux counts it.</summary>
    private long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_files!.ProcessId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}
