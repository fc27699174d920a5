using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Tripmate.Load.Http;

/// <summary>
/// A plain-text upload body of an exact length, written as it is sent: a 100 MB seeded file never
/// sits in the load tool's memory. Text, because the files service decides the type from the bytes
/// (an allow-list) and plain text is on it whatever the size. The length is known up front, so the
/// multipart body around it has a Content-Length and no chunked encoding.
/// </summary>
public sealed class GeneratedText(long size, int seed) : HttpContent
{
    private static readonly byte[] Line = Encoding.ASCII.GetBytes("Tickets, maps and photos for the trip: see you at the station at nine.\n");

    /// <summary>A multipart/form-data body with this text as its <c>file</c> field.</summary>
    public static MultipartFormDataContent AsUpload(long length, int seed, string fileName)
    {
        var file = new GeneratedText(length, seed);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var chunk = new byte[64 * 1024];
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i] = Line[(i + seed) % Line.Length];
        }

        for (var left = size; left > 0; left -= chunk.Length)
        {
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, left)), cancellationToken);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = size;
        return true;
    }
}
