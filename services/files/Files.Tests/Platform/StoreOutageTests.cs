using System.Net;
using System.Net.Http.Json;
using Tripmate.Files.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Files.Tests.Platform;

/// <summary>Files on an S3 server of its own (its bucket made there), which its test stops and restarts.</summary>
public sealed class FilesOnPrivateS3 : FilesApp
{
    public FilesOnPrivateS3() => OnS3(Servers.S3);

    public PrivateServers Servers { get; } = new();

    public override async Task InitializeAsync()
    {
        await Servers.StartAsync("s3");
        await base.InitializeAsync();
    }

    protected override async Task DisposeResourcesAsync()
    {
        await base.DisposeResourcesAsync();
        await Servers.DisposeAsync();
    }
}

/// <summary>S3 away: requests are told to come back (503, Retry-After), never a 500, and nothing is lost. Stops its own s3rver.</summary>
public sealed class StoreOutageTests(FilesOnPrivateS3 app) : IClassFixture<FilesOnPrivateS3>
{
    [Fact]
    public async Task With_S3_stopped_reads_and_uploads_are_503_with_Retry_After_and_readiness_fails_and_all_works_again_after()
    {
        var user = app.NewUser();
        var file = await user.Client.UploadAsync("before"u8.ToArray(), "before.txt");

        await app.Servers.StopAsync("s3");
        try
        {
            foreach (var response in new[]
                     {
                         await user.Client.GetAsync($"/api/files/{file.Id}"),
                         await user.Client.GetAsync("/api/files"),
                         await user.Client.PostFileAsync("during"u8.ToArray(), "during.txt"),
                     })
            {
                await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
                Assert.NotNull(response.Headers.RetryAfter);
            }

            using var ready = await app.Anonymous().GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }
        finally
        {
            await app.Servers.StartAsync("s3");
        }

        Assert.Equal("before", await user.Client.GetStringAsync($"/api/files/{file.Id}/content"));
        Assert.Equal([file.Id], (await user.Client.GetFromJsonAsync<PageDto<FileDto>>("/api/files"))!.Items.Select(f => f.Id));
    }
}
