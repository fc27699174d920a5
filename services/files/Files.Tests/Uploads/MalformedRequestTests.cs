using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Tripmate.Files.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Files.Tests.Uploads;

/// <summary>
/// Issue 24's probe findings on files: every malformed multipart or tus request is a 4xx problem,
/// names over 255 bytes are refused clearly, a Range of another unit is ignored, and racing PATCHes
/// at one offset keep one chunk and say so.
/// </summary>
public sealed class MalformedRequestTests(FilesApp app) : IClassFixture<FilesApp>
{
    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "unterminated", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello" },
        { "headers never end", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"" },
        { "garbage before the first boundary only", "just some bytes with no boundary at all" },
        { "a header line of 20,000 bytes", "--b\r\nX-Long: " + new string('x', 20_000) + "\r\n\r\nhello\r\n--b--\r\n" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_multipart_body_is_a_4xx_problem_and_keeps_nothing(string name, string body)
    {
        var user = app.NewUser();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        using var response = await user.Client.PostAsync("/api/files", content);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{name}: {(int)response.StatusCode}");
        await response.AssertProblemAsync(response.StatusCode);
        Assert.DoesNotContain(await app.KeysAsync("pending/"), key => !key.EndsWith("/.keep", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("abc", "Invalid Upload-Length")]
    [InlineData("-1", "Invalid Upload-Length")]
    [InlineData("99999999999999999999999", "File too large")]
    [InlineData("9223372036854775807", "File too large")]
    public async Task An_upload_length_that_is_not_a_size_or_too_large_is_titled_for_what_it_is(string length, string title)
    {
        var user = app.NewUser();
        using var request = Tus(HttpMethod.Post, "/api/files/uploads");
        request.Headers.TryAddWithoutValidation("Upload-Length", length);

        using var response = await user.Client.SendAsync(request);

        var problem = await response.AssertProblemAsync(title == "File too large" ? HttpStatusCode.RequestEntityTooLarge : HttpStatusCode.BadRequest);
        Assert.Equal(title, problem.Title);
    }

    [Fact]
    public async Task A_missing_upload_length_is_titled_missing()
    {
        var user = app.NewUser();
        using var response = await user.Client.SendAsync(Tus(HttpMethod.Post, "/api/files/uploads"));

        Assert.Equal("Upload-Length missing", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Title);
    }

    [Theory]
    [InlineData("multipart")]
    [InlineData("tus")]
    public async Task A_name_over_255_bytes_of_utf8_is_a_clear_400_and_255_bytes_are_kept_whole(string path)
    {
        var user = app.NewUser();
        var fits = string.Concat(Enumerable.Repeat("é", 125)) + "x.txt"; // 250 + 5 bytes
        var over = "é" + fits;

        using var refused = await UploadNamedAsync(user, path, over);
        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("File name too long", problem.Title);
        Assert.Contains("255 bytes", problem.Detail);

        using var accepted = await UploadNamedAsync(user, path, fits);
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("items=0-5", HttpStatusCode.OK)]
    [InlineData("bytes=0-5", HttpStatusCode.PartialContent)]
    [InlineData("bytes=500-600", HttpStatusCode.RequestedRangeNotSatisfiable)]
    public async Task A_range_of_another_unit_is_ignored(string range, HttpStatusCode expected)
    {
        var user = app.NewUser();
        var file = await user.Client.UploadAsync(Infrastructure.Uploads.Text(100));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/files/{file.Id}/content");
        request.Headers.TryAddWithoutValidation("Range", range);

        using var response = await user.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(100, (await response.Content.ReadAsByteArrayAsync()).Length);
        }
    }

    [Fact]
    public async Task Concurrent_patches_at_one_offset_are_one_204_and_the_rest_409()
    {
        var user = app.NewUser();
        using var create = Tus(HttpMethod.Post, "/api/files/uploads");
        create.Headers.Add("Upload-Length", "64");
        create.Headers.Add("Upload-Metadata", $"filename {Convert.ToBase64String("race.txt"u8.ToArray())}");
        using var created = await user.Client.SendAsync(create);
        var upload = created.Headers.Location!.ToString();

        var chunks = Enumerable.Range(0, 6).Select(i => Encoding.ASCII.GetBytes(new string((char)('a' + i), 32))).ToList();
        using var start = new SemaphoreSlim(0);
        var patches = chunks.Select(async chunk =>
        {
            await start.WaitAsync();
            using var patch = Patch(upload, 0, chunk);
            using var response = await user.Client.SendAsync(patch);
            return response.StatusCode;
        }).ToList();
        start.Release(chunks.Count);
        var statuses = await Task.WhenAll(patches);

        var told = string.Join(", ", statuses.Select(s => (int)s));
        Assert.True(statuses.Count(s => s == HttpStatusCode.NoContent) == 1, told);
        Assert.True(statuses.Count(s => s == HttpStatusCode.Conflict) == chunks.Count - 1, told);
        using var head = Tus(HttpMethod.Head, upload);
        using var offset = await user.Client.SendAsync(head);
        Assert.Equal("32", offset.Headers.GetValues("Upload-Offset").Single());
    }

    private async Task<HttpResponseMessage> UploadNamedAsync(TestUser user, string path, string name)
    {
        if (path == "tus")
        {
            using var request = Tus(HttpMethod.Post, "/api/files/uploads");
            request.Headers.Add("Upload-Length", "5");
            request.Headers.Add("Upload-Metadata", $"filename {Convert.ToBase64String(Encoding.UTF8.GetBytes(name))}");
            return await user.Client.SendAsync(request);
        }

        var file = new ByteArrayContent("hello"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = name };
        return await user.Client.PostAsync("/api/files", new MultipartFormDataContent { file });
    }

    private static HttpRequestMessage Tus(HttpMethod method, string uri)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        return request;
    }

    private static HttpRequestMessage Patch(string upload, long offset, byte[] bytes)
    {
        var request = Tus(HttpMethod.Patch, upload);
        request.Headers.Add("Upload-Offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Content = new ByteArrayContent(bytes);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        return request;
    }
}
