using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Amazon.S3.Model;
using Tripmate.Files.Store;
using Tripmate.Files.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Files.Tests.Uploads.Resumable;

/// <summary>Resumable uploads (tus 1.0): with the reference client, and the protocol's edges by hand.</summary>
public sealed class ResumableUploadTests(FilesApp app) : IClassFixture<FilesApp>
{
    private const string ChunkType = "application/offset+octet-stream";

    [Fact]
    public async Task Tus_js_client_uploads_20_MB_in_1_MB_chunks_interrupted_twice_and_resumed_and_the_file_is_byte_exact()
    {
        var user = app.NewUser();
        var content = Infrastructure.Uploads.Png(20 * 1000 * 1000, seed: 20);
        var path = Path.Combine(Directory.CreateTempSubdirectory("tus-").FullName, "trip-photo.png");
        await File.WriteAllBytesAsync(path, content);

        var run = await TusClient.UploadAsync(new Uri(app.BaseAddress, "/api/files/uploads"), TestTokens.For(user.Id), path,
            1024 * 1024, 5_000_000, 13_000_000);

        Assert.Equal(2, run.Interruptions);
        Assert.Equal(2, run.ResumedFrom.Count);
        Assert.All(run.ResumedFrom, offset => Assert.InRange(offset, 1, content.Length - 1));
        var fileId = Guid.Parse(run.Url[(run.Url.LastIndexOf('/') + 1)..]);
        var file = (await user.Client.GetFromJsonAsync<FileDto>($"/api/files/{fileId}"))!;
        var expected = Infrastructure.Uploads.Sha256(content);
        Assert.Equal(("trip-photo.png", content.Length, "image/png", expected), (file.Name, file.Size, file.ContentType, file.Sha256));
        using (var stored = await app.S3.GetObjectAsync(new GetObjectRequest { BucketName = app.Bucket, Key = BucketKeys.Content(fileId) }))
        {
            Assert.Equal(expected, Convert.ToHexStringLower(await SHA256.HashDataAsync(stored.ResponseStream)));
        }

        Assert.Equal(expected, Infrastructure.Uploads.Sha256(await user.Client.GetByteArrayAsync($"/api/files/{fileId}/content")));
        Assert.Empty(await app.KeysAsync($"uploads/{fileId:D}/"));
    }

    [Fact]
    public async Task Options_tells_the_version_extensions_checksums_and_largest_size()
    {
        using var response = await app.Anonymous().SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/files/uploads"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("1.0.0", response.Headers.GetValues("Tus-Version").Single());
        Assert.Equal(["creation", "creation-with-upload", "termination", "expiration", "checksum"],
            response.Headers.GetValues("Tus-Extension").Single().Split(','));
        Assert.Contains("sha1", response.Headers.GetValues("Tus-Checksum-Algorithm").Single().Split(','));
        Assert.Equal((100L * 1024 * 1024).ToString(), response.Headers.GetValues("Tus-Max-Size").Single());
    }

    [Fact]
    public async Task A_chunk_with_a_wrong_checksum_is_460_and_not_kept_and_the_right_one_is_accepted()
    {
        var user = app.NewUser();
        var content = "a little text, sent in two chunks"u8.ToArray();
        var upload = await CreateAsync(user, content.Length, "notes.txt");

        using var first = await PatchAsync(user, upload, 0, content[..10], checksum: $"sha1 {Convert.ToBase64String(SHA1.HashData(content[..10]))}");
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal("10", first.Headers.GetValues("Upload-Offset").Single());
        Assert.True(first.Headers.Contains("Upload-Expires"));

        using var corrupted = await PatchAsync(user, upload, 10, content[10..], checksum: $"sha1 {Convert.ToBase64String(SHA1.HashData("other"u8))}");
        Assert.Equal(460, (int)corrupted.StatusCode);
        Assert.Equal(10, await OffsetAsync(user, upload));

        using var wrongOffset = await PatchAsync(user, upload, 5, content[5..]);
        Assert.Equal(HttpStatusCode.Conflict, wrongOffset.StatusCode);

        using var rest = await PatchAsync(user, upload, 10, content[10..], checksum: $"sha1 {Convert.ToBase64String(SHA1.HashData(content[10..]))}");
        Assert.Equal(HttpStatusCode.NoContent, rest.StatusCode);
        var file = (await user.Client.GetFromJsonAsync<FileDto>($"/api/files/{IdOf(upload)}"))!;
        Assert.Equal((Infrastructure.Uploads.Sha256(content), "text/plain"), (file.Sha256, file.ContentType));
        Assert.Equal(content, await user.Client.GetByteArrayAsync($"/api/files/{file.Id}/content"));
    }

    [Fact]
    public async Task Creation_with_upload_of_a_small_file_and_of_an_empty_one_make_files()
    {
        var user = app.NewUser();
        var content = Infrastructure.Uploads.Png(300_000, seed: 4);
        using var request = Request(user, HttpMethod.Post, "/api/files/uploads");
        request.Headers.Add("Upload-Length", content.Length.ToString());
        request.Headers.Add("Upload-Metadata", $"filename {Convert.ToBase64String("small.png"u8)}");
        request.Content = new ByteArrayContent(content);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ChunkType);
        using var created = await user.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(content.Length.ToString(), created.Headers.GetValues("Upload-Offset").Single());
        var file = (await user.Client.GetFromJsonAsync<FileDto>($"/api/files/{IdOf(created.Headers.Location!)}"))!;
        Assert.Equal(Infrastructure.Uploads.Sha256(content), file.Sha256);

        var empty = await CreateAsync(user, 0, "empty.txt");
        var emptyFile = (await user.Client.GetFromJsonAsync<FileDto>($"/api/files/{IdOf(empty)}"))!;
        Assert.Equal((0L, "text/plain"), (emptyFile.Size, emptyFile.ContentType));
    }

    [Fact]
    public async Task Terminating_an_upload_removes_it_and_its_staged_bytes()
    {
        var user = app.NewUser();
        var upload = await CreateAsync(user, 2_000_000, "big.txt");
        using var chunk = await PatchAsync(user, upload, 0, Infrastructure.Uploads.Text(1_000_000));
        Assert.Equal(HttpStatusCode.NoContent, chunk.StatusCode);
        Assert.NotEmpty(await app.KeysAsync($"uploads/{IdOf(upload):D}/"));

        using var terminated = await user.Client.SendAsync(Request(user, HttpMethod.Delete, upload.ToString()));

        Assert.Equal(HttpStatusCode.NoContent, terminated.StatusCode);
        Assert.Empty(await app.KeysAsync($"uploads/{IdOf(upload):D}/"));
        using var gone = await user.Client.SendAsync(Request(user, HttpMethod.Head, upload.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Another_users_upload_is_404_and_requests_without_tus_version_are_412()
    {
        var (owner, stranger) = (app.NewUser(), app.NewUser());
        var upload = await CreateAsync(owner, 100, "a.txt");

        using var head = await stranger.Client.SendAsync(Request(stranger, HttpMethod.Head, upload.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        using var patch = await PatchAsync(stranger, upload, 0, Infrastructure.Uploads.Text(10));
        Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);
        using var delete = await stranger.Client.SendAsync(Request(stranger, HttpMethod.Delete, upload.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(0, await OffsetAsync(owner, upload));

        using var noVersion = await owner.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, upload));
        Assert.Equal(HttpStatusCode.PreconditionFailed, noVersion.StatusCode);
        Assert.Equal("1.0.0", noVersion.Headers.GetValues("Tus-Version").Single());
    }

    [Fact]
    public async Task Limits_and_types_are_those_of_every_upload()
    {
        var user = app.NewUser();
        using var tooLarge = Request(user, HttpMethod.Post, "/api/files/uploads");
        tooLarge.Headers.Add("Upload-Length", (100L * 1024 * 1024 + 1).ToString());
        await (await user.Client.SendAsync(tooLarge)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        var disguised = await CreateAsync(user, 100, "photo.jpg");
        using var executable = await PatchAsync(user, disguised, 0, [(byte)'M', (byte)'Z', .. new byte[98]]);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, executable.StatusCode);
        Assert.Empty(await app.KeysAsync($"uploads/{IdOf(disguised):D}/"));

        var small = await CreateAsync(user, 10, "a.txt");
        using var beyond = await PatchAsync(user, small, 0, Infrastructure.Uploads.Text(11));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, beyond.StatusCode);
        Assert.Equal(0, await OffsetAsync(user, small));
    }

    private static HttpRequestMessage Request(TestUser user, HttpMethod method, string uri)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        return request;
    }

    private async Task<Uri> CreateAsync(TestUser user, long length, string name)
    {
        using var request = Request(user, HttpMethod.Post, "/api/files/uploads");
        request.Headers.Add("Upload-Length", length.ToString());
        request.Headers.Add("Upload-Metadata", $"filename {Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(name))}");
        using var response = await user.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return new Uri(app.BaseAddress, response.Headers.Location!);
    }

    private static async Task<HttpResponseMessage> PatchAsync(TestUser user, Uri upload, long offset, byte[] chunk, string? checksum = null)
    {
        var request = Request(user, HttpMethod.Patch, upload.ToString());
        request.Headers.Add("Upload-Offset", offset.ToString());
        if (checksum is not null)
        {
            request.Headers.Add("Upload-Checksum", checksum);
        }

        request.Content = new ByteArrayContent(chunk);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ChunkType);
        return await user.Client.SendAsync(request);
    }

    private static async Task<long> OffsetAsync(TestUser user, Uri upload)
    {
        using var response = await user.Client.SendAsync(Request(user, HttpMethod.Head, upload.ToString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        return long.Parse(response.Headers.GetValues("Upload-Offset").Single());
    }

    private static Guid IdOf(Uri upload) => Guid.Parse(upload.ToString()[(upload.ToString().LastIndexOf('/') + 1)..]);
}
