using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Amazon.S3;
using Tripmate.Files.Benchmarks;
using Tripmate.Testing;

// Upload and download throughput and latency of the files service, direct and through the gateway.
var counts = Arguments.Parse(args);
var bucket = $"files-bench-{Guid.NewGuid().ToString("N")[..8]}";
var issuer = "tripmate-files-benchmark";
var key = Tokens.NewKey("bench");
using (var s3 = new AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials("S3RVER", "S3RVER"),
           new AmazonS3Config { ServiceURL = TestServers.S3, ForcePathStyle = true, UseHttp = true, AuthenticationRegion = "us-east-1" }))
{
    await s3.PutBucketAsync(bucket);
}

await using var keys = await KeyServer.StartAsync(issuer, key);
await using var files = await ServiceProcess.StartAsync(ServiceBuild.Files, new Dictionary<string, string>
{
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
    ["ConnectionStrings__RabbitMq"] = TestServers.RabbitMq,
    ["S3__ServiceUrl"] = TestServers.S3,
    ["S3__Bucket"] = bucket,
    ["S3__AccessKey"] = "S3RVER",
    ["S3__SecretKey"] = "S3RVER",
    ["MessageBus__QueuePrefix"] = bucket,
    ["Auth__Issuer"] = issuer,
    ["Auth__Authority"] = keys.Address.ToString().TrimEnd('/'),
    ["Auth__RequireHttpsMetadata"] = "false",
    ["Logging__LogLevel__Default"] = "Warning",
});
await using var gateway = await ServiceProcess.StartAsync(ServiceBuild.Gateway, new Dictionary<string, string>
{
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
    ["ConnectionStrings__Redis"] = TestServers.Redis,
    ["ConnectionStrings__RabbitMq"] = TestServers.RabbitMq,
    ["ReverseProxy__Clusters__files__Destinations__files-0__Address"] = files.BaseAddress.ToString(),
    ["Auth__Issuer"] = issuer,
    ["Auth__Authority"] = keys.Address.ToString().TrimEnd('/'),
    ["Auth__RequireHttpsMetadata"] = "false",
    ["RateLimiting__General__PermitLimit"] = "100000000",
    ["Logging__LogLevel__Default"] = "Warning",
});

var token = Tokens.Sign(issuer, key, Guid.CreateVersion7());
Console.WriteLine($"# Files service throughput ({DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, s3rver)");
Console.WriteLine();
Console.WriteLine("| path | size | direction | n | MB/s | p50 ms | p99 ms |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var (name, address) in new[] { ("direct", files.BaseAddress), ("gateway", gateway.BaseAddress) })
{
    using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    foreach (var (label, size, n) in new[] { ("4 KB", 4096, counts.Small), ("1 MB", 1_000_000, counts.Medium), ("50 MB", 50_000_000, counts.Large) })
    {
        var content = new byte[size];
        Random.Shared.NextBytes(content);
        "GIF89a"u8.CopyTo(content); // an allowed type, decided from the bytes
        await Measure.UploadAsync(client, content); // warm-up, not counted
        var ids = new List<Guid>();
        var up = await Measure.RunAsync(n, size, async () => ids.Add(await Measure.UploadAsync(client, content)));
        var i = 0;
        var down = await Measure.RunAsync(n, size, () => Measure.DownloadAsync(client, ids[i++ % ids.Count], size));
        Console.WriteLine(up.Row(name, label, "upload"));
        Console.WriteLine(down.Row(name, label, "download"));
    }
}

namespace Tripmate.Files.Benchmarks
{
    internal sealed record Counts(int Small, int Medium, int Large);

    internal static class Arguments
    {
        public static Counts Parse(string[] args)
        {
            int Get(string name, int fallback) =>
                Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
            return new Counts(Get("--small", 200), Get("--medium", 40), Get("--large", 6));
        }
    }

    internal sealed record Result(int Count, long Bytes, TimeSpan Total, List<double> LatenciesMs)
    {
        public string Row(string path, string size, string direction)
        {
            var sorted = LatenciesMs.Order().ToList();
            double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
            return string.Create(CultureInfo.InvariantCulture,
                $"| {path} | {size} | {direction} | {Count} | {Bytes / 1e6 / Total.TotalSeconds:0.0} | {At(0.5):0.0} | {At(0.99):0.0} |");
        }
    }

    internal static class Measure
    {
        /// <summary>One request at a time: latency without queueing, throughput of a single client.</summary>
        public static async Task<Result> RunAsync(int count, long size, Func<Task> request)
        {
            var latencies = new List<double>(count);
            var total = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                var one = Stopwatch.StartNew();
                await request();
                latencies.Add(one.Elapsed.TotalMilliseconds);
            }

            return new Result(count, count * size, total.Elapsed, latencies);
        }

        public static async Task<Guid> UploadAsync(HttpClient client, byte[] content)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/gif");
            form.Add(file, "file", "bench.gif");
            using var response = await client.PostAsync("/api/files", form);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Upload failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            return (await response.Content.ReadFromJsonAsync<Uploaded>())!.Id;
        }

        public static async Task DownloadAsync(HttpClient client, Guid id, long size)
        {
            using var response = await client.GetAsync($"/api/files/{id}/content", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[81920];
            long read = 0;
            int n;
            while ((n = await body.ReadAsync(buffer)) > 0)
            {
                read += n;
            }

            if (read != size)
            {
                throw new InvalidOperationException($"Downloaded {read} bytes of {size}.");
            }
        }

        private sealed record Uploaded(Guid Id);
    }
}
