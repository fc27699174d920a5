using Microsoft.Net.Http.Headers;

namespace Tripmate.Files.Content;

/// <summary>
/// <c>Content-Disposition: attachment</c> for any stored name (RFC 6266): an ASCII <c>filename</c>
/// for old clients and the exact name as RFC 8187 <c>filename*</c>. Always an attachment, so a
/// browser saves a file rather than rendering it on this origin.
/// </summary>
public static class ContentDisposition
{
    public static string Attachment(string fileName)
    {
        var header = new ContentDispositionHeaderValue("attachment");
        header.SetHttpFileName(fileName);
        return header.ToString();
    }
}
