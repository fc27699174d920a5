using System.Net;
using System.Net.Http.Json;
using Tripmate.Files.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Files.Tests.Platform;

/// <summary>S3 away: requests are told to come back (503, Retry-After), never a 500, and nothing is lost. Stops s3rver, so runs alone.</summary>
[Collection(ServerOutageCollection.Name)]
public sealed class StoreOutageTests(FilesApp app) : IClassFixture<FilesApp>
{
    [Fact]
    public async Task With_S3_stopped_reads_and_uploads_are_503_with_Retry_After_and_readiness_fails_and_all_works_again_after()
    {
        var user = app.NewUser();
        var file = await user.Client.UploadAsync("before"u8.ToArray(), "before.txt");

        await DevServer.StopAsync("s3");
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
            await DevServer.StartAsync("s3");
        }

        Assert.Equal("before", await user.Client.GetStringAsync($"/api/files/{file.Id}/content"));
        Assert.Equal([file.Id], (await user.Client.GetFromJsonAsync<PageDto<FileDto>>("/api/files"))!.Items.Select(f => f.Id));
    }
}
