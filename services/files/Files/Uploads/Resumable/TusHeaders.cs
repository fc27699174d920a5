using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tripmate.Files.Uploads.Resumable;

/// <summary>The tus 1.0 headers, read and written in one place.</summary>
public static class TusHeaders
{
    public const string Resumable = "Tus-Resumable";
    public const string Version = "1.0.0";
    public const string Extensions = "creation,creation-with-upload,termination,expiration,checksum";
    public const string ChecksumAlgorithms = "sha1,sha256";
    public const string ChunkContentType = "application/offset+octet-stream";
    public const string UploadOffset = "Upload-Offset";
    public const string UploadLength = "Upload-Length";
    public const string UploadExpires = "Upload-Expires";
    public const string UploadMetadata = "Upload-Metadata";
    public const string UploadChecksum = "Upload-Checksum";

    /// <summary>A non-negative decimal integer without sign or spaces, as tus requires; anything else is null.</summary>
    public static long? NonNegative(string? value) =>
        value is { Length: > 0 and <= 19 } && value.All(char.IsAsciiDigit) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>The file name from <c>Upload-Metadata</c> (<c>key base64,key base64</c>): its <c>filename</c> or <c>name</c>.</summary>
    public static string? FileName(string? metadata)
    {
        foreach (var pair in (metadata ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split(' ', 2);
            if (parts is [var key, var value] && key is "filename" or "name")
            {
                try
                {
                    return Encoding.UTF8.GetString(Convert.FromBase64String(value));
                }
                catch (FormatException)
                {
                    return null;
                }
            }
        }

        return null;
    }

    /// <summary><c>Upload-Checksum: sha1 base64</c>; false when malformed or of an algorithm not offered.</summary>
    public static bool TryChecksum(string value, out (HashAlgorithmName Algorithm, byte[] Digest) checksum)
    {
        checksum = default;
        var parts = value.Trim().Split(' ', 2);
        HashAlgorithmName? algorithm = parts[0].ToLowerInvariant() switch
        {
            "sha1" => HashAlgorithmName.SHA1,
            "sha256" => HashAlgorithmName.SHA256,
            _ => null,
        };
        try
        {
            if (algorithm is not { } name || parts.Length != 2)
            {
                return false;
            }

            checksum = (name, Convert.FromBase64String(parts[1]));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>RFC 9110 date, as tus's expiration extension sends it.</summary>
    public static string Date(DateTimeOffset at) => at.ToString("R", CultureInfo.InvariantCulture);
}
