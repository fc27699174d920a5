using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;

namespace Tripmate.Files.Tests.Infrastructure;

public sealed record FileDto(Guid Id, string Name, long Size, string ContentType, string Sha256, Guid OwnerId, DateTimeOffset CreatedAt);

public sealed record PageDto<T>(List<T> Items, string? NextCursor);

/// <summary>Steps of the tests, as a client would take them.</summary>
public static class Uploads
{
    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient client, Stream content, string fileName, string? contentType = null)
    {
        var form = new MultipartFormDataContent();
        var file = new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/files", form);
    }

    public static Task<HttpResponseMessage> PostFileAsync(this HttpClient client, byte[] content, string fileName) =>
        client.PostFileAsync(new MemoryStream(content), fileName);

    public static async Task<FileDto> UploadAsync(this HttpClient client, byte[] content, string fileName = "notes.txt")
    {
        using var response = await client.PostFileAsync(content, fileName);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<FileDto>())!;
    }

    /// <summary>Text of the given length (plain text is an allowed type), different per seed.</summary>
    public static byte[] Text(int length, int seed = 1)
    {
        var bytes = new byte[length];
        var random = new Random(seed);
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)(i % 61 == 60 ? '\n' : 'a' + random.Next(26));
        }

        return bytes;
    }

    /// <summary>A PNG signature followed by pseudo-random bytes: an "image" of any size.</summary>
    public static byte[] Png(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        byte[] magic = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        magic.AsSpan(0, Math.Min(length, magic.Length)).CopyTo(bytes);
        return bytes;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
