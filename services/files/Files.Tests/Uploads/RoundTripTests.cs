using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Amazon.S3.Model;
using Tripmate.Files.Store;
using Tripmate.Files.Tests.Infrastructure;

namespace Tripmate.Files.Tests.Uploads;

/// <summary>Acceptance 1: what goes in is what S3 keeps and what comes out, byte for byte.</summary>
public sealed class RoundTripTests(FilesApp app) : IClassFixture<FilesApp>
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5 * 1024 * 1024 + 1)] // one byte over a part: a multipart upload of two parts
    public async Task An_uploaded_file_is_kept_and_served_byte_exact(int size)
    {
        var user = app.NewUser();
        var content = Infrastructure.Uploads.Text(size, seed: size);

        var file = await user.Client.UploadAsync(content, "notes.txt");

        Assert.Equal(size, file.Size);
        Assert.Equal("text/plain", file.ContentType);
        Assert.Equal(Infrastructure.Uploads.Sha256(content), file.Sha256);
        Assert.Equal(file.Sha256, await BucketHashAsync(file.Id));
        var served = await user.Client.GetByteArrayAsync($"/api/files/{file.Id}/content");
        Assert.Equal(file.Sha256, Infrastructure.Uploads.Sha256(served));
    }

    [Fact]
    public async Task A_60_MB_file_streams_through_S3_multipart_and_back_byte_exact()
    {
        var user = app.NewUser();
        var content = Infrastructure.Uploads.Png(60_000_000, seed: 60);

        var file = await user.Client.UploadAsync(content, "panorama.png");

        Assert.Equal("image/png", file.ContentType);
        Assert.Equal(Infrastructure.Uploads.Sha256(content), file.Sha256);
        Assert.Equal(file.Sha256, await BucketHashAsync(file.Id));
        using var response = await user.Client.GetAsync($"/api/files/{file.Id}/content", HttpCompletionOption.ResponseHeadersRead);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        Assert.Equal(file.Sha256, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    [Fact]
    public async Task Ranges_return_exactly_the_requested_bytes_and_an_unsatisfiable_one_is_416()
    {
        var user = app.NewUser();
        var content = Infrastructure.Uploads.Png(6 * 1024 * 1024, seed: 7);
        var file = await user.Client.UploadAsync(content, "photo.png");

        foreach (var (range, from, length) in new[] { ("bytes=0-0", 0, 1), ("bytes=1000-5242999", 1000, 5242000), ("bytes=-10", content.Length - 10, 10), ("bytes=6291000-", 6291000, content.Length - 6291000) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/files/{file.Id}/content");
            request.Headers.TryAddWithoutValidation("Range", range);
            using var response = await user.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
            Assert.Equal(content.AsSpan(from, length).ToArray(), await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(content.Length, response.Content.Headers.ContentRange!.Length);
        }

        using var beyond = new HttpRequestMessage(HttpMethod.Get, $"/api/files/{file.Id}/content");
        beyond.Headers.TryAddWithoutValidation("Range", $"bytes={content.Length}-");
        using var unsatisfiable = await user.Client.SendAsync(beyond);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);
        Assert.Equal($"bytes */{content.Length}", unsatisfiable.Content.Headers.ContentRange!.ToString());
    }

    [Fact]
    public async Task Content_carries_its_hash_as_ETag_and_a_matching_conditional_GET_is_304()
    {
        var user = app.NewUser();
        var file = await user.Client.UploadAsync("hello"u8.ToArray(), "hello.txt");

        using var first = await user.Client.GetAsync($"/api/files/{file.Id}/content");
        Assert.Equal($"\"{file.Sha256}\"", first.Headers.ETag!.ToString());
        Assert.Equal("attachment", first.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", first.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotNull(first.Content.Headers.LastModified);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/files/{file.Id}/content");
        again.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag.ToString());
        using var notModified = await user.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Lists_show_the_callers_own_files_newest_first_across_pages()
    {
        var user = app.NewUser();
        var uploaded = new List<FileDto>();
        for (var i = 0; i < 5; i++)
        {
            uploaded.Add(await user.Client.UploadAsync(Infrastructure.Uploads.Text(10, seed: i), $"n{i}.txt"));
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await user.Client.GetFromJsonAsync<PageDto<FileDto>>($"/api/files?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            Assert.True(page!.Items.Count <= 2);
            seen.AddRange(page.Items.Select(f => f.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(uploaded.Select(f => f.Id).Reverse(), seen);
        Assert.Empty((await app.NewUser().Client.GetFromJsonAsync<PageDto<FileDto>>("/api/files"))!.Items);
    }

    private async Task<string> BucketHashAsync(Guid fileId)
    {
        using var response = await app.S3.GetObjectAsync(new GetObjectRequest { BucketName = app.Bucket, Key = BucketKeys.Content(fileId) });
        using var sha = SHA256.Create();
        return Convert.ToHexStringLower(await sha.ComputeHashAsync(response.ResponseStream));
    }
}
