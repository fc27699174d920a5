using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Tripmate.Files.Store;
using Tripmate.Files.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Files.Tests.Uploads;

/// <summary>A limit of 11 MiB, so a file over it spans parts (two 5 MiB parts are written before the limit is crossed).</summary>
public sealed class SmallLimitFilesApp : FilesApp
{
    public const int Limit = 11 * 1024 * 1024;

    public SmallLimitFilesApp() => With("Files:MaxFileBytes", Limit.ToString());
}

/// <summary>Acceptance 3: what is refused leaves nothing behind, and hostile names are harmless.</summary>
public sealed class RejectionTests(SmallLimitFilesApp app) : IClassFixture<SmallLimitFilesApp>
{
    [Fact]
    public async Task A_declared_body_over_the_limit_is_413_before_anything_is_written()
    {
        var user = app.NewUser();

        using var response = await user.Client.PostFileAsync(Infrastructure.Uploads.Png(SmallLimitFilesApp.Limit + 1), "big.png");

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await AssertNothingKeptAsync(user);
    }

    [Fact]
    public async Task A_streamed_file_over_the_limit_is_413_and_its_parts_and_marks_are_removed()
    {
        var user = app.NewUser();
        // No Content-Length (chunked): the service finds out only while streaming, after writing parts.
        var form = new MultipartFormDataContent();
        var file = new StreamContent(new UnknownLengthStream(Infrastructure.Uploads.Png(SmallLimitFilesApp.Limit + 1)));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "big.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/files") { Content = form };
        request.Headers.TransferEncodingChunked = true;

        using var response = await user.Client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await AssertNothingKeptAsync(user);
    }

    [Fact]
    public async Task A_file_exactly_at_the_limit_is_accepted()
    {
        var user = app.NewUser();
        var content = Infrastructure.Uploads.Png(SmallLimitFilesApp.Limit);

        var file = await user.Client.UploadAsync(content, "exact.png");

        Assert.Equal(Infrastructure.Uploads.Sha256(content), file.Sha256);
    }

    [Theory]
    [InlineData("photo.jpg", "MZ\u0090\u0000\u0003\u0000\u0000\u0000 this is a Windows executable")]
    [InlineData("notes.txt", "<!DOCTYPE html><html><script>alert(1)</script></html>")]
    [InlineData("image.png", "\u007fELF\u0002\u0001\u0001 a Linux executable")]
    [InlineData("report.pdf", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    public async Task A_disallowed_type_behind_an_allowed_extension_is_415_and_nothing_is_kept(string name, string content)
    {
        var user = app.NewUser();

        using var response = await user.Client.PostFileAsync(Encoding.Latin1.GetBytes(content), name);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await AssertNothingKeptAsync(user);
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_is_415_and_a_form_without_a_file_is_400()
    {
        var user = app.NewUser();

        using var json = await user.Client.PostAsJsonAsync("/api/files", new { file = "x" });
        await json.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);

        using var noFile = await user.Client.PostAsync("/api/files", new MultipartFormDataContent { { new StringContent("x"), "comment" } });
        await noFile.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\win.ini", "win.ini")]
    [InlineData("bell\u0007and\u0000nul\r\n.txt", "bellandnul.txt")]
    [InlineData("invoice\u202Efdp.exe.txt", "invoicefdp.exe.txt")]
    [InlineData("..", "file")]
    public async Task Hostile_names_are_stored_and_served_safely(string name, string expected)
    {
        var user = app.NewUser();
        var file = await UploadNamedAsync(user, name);

        Assert.Equal(expected, file.Name);
        using var content = await user.Client.GetAsync($"/api/files/{file.Id}/content");
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        var disposition = content.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(expected, disposition.FileNameStar ?? disposition.FileName!.Trim('"'));
    }

    /// <summary>The name is sent as RFC 7578 allows (filename*), so control characters reach the service unchanged.</summary>
    private static async Task<FileDto> UploadNamedAsync(TestUser user, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("hello"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = name };
        form.Add(file);
        using var response = await user.Client.PostAsync("/api/files", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<FileDto>())!;
    }

    private async Task AssertNothingKeptAsync(TestUser user)
    {
        Assert.Empty(await app.KeysAsync($"owners/{user.Id:D}/"));
        Assert.DoesNotContain(await app.KeysAsync("pending/"), key => key != BucketKeys.PendingPrefix + KeptFolders.Marker);
        // Bytes without a record would be a refused upload's leftovers (files of the other tests have both).
        var keys = await app.KeysAsync("files/");
        Assert.DoesNotContain(keys, key => key.EndsWith("/content", StringComparison.Ordinal)
            && !keys.Contains(key.Replace("/content", "/record.json", StringComparison.Ordinal)));
    }

    /// <summary>A stream that does not tell its length, so HttpClient cannot send a Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
