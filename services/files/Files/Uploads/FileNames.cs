using System.Text;

namespace Tripmate.Files.Uploads;

/// <summary>
/// A client's file name made safe to keep and to hand back: the last path segment only (no
/// <c>../../etc/passwd</c>), no control characters, no bidirectional overrides (which make
/// <c>invoice‮fdp.exe</c> read as <c>invoice.exe.pdf</c>), and never empty. A name of more than
/// 255 bytes of UTF-8 (what file systems allow) is refused rather than cut (<see cref="TooLong"/>):
/// a shortened name is a name the user never gave. The bytes decide the type, so the name is only a label.
/// </summary>
public static class FileNames
{
    public const int MaxBytes = 255;
    public const string Fallback = "file";

    public static string Sanitize(string? name)
    {
        var text = (name ?? "").Replace('\\', '/');
        text = text[(text.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsControl(c) && !IsBidiControl(c))
            {
                kept.Append(c);
            }
        }

        var clean = kept.ToString().Trim().TrimStart('.').Trim();
        return clean.Length == 0 ? Fallback : clean;
    }

    private static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>Over <see cref="MaxBytes"/> bytes of UTF-8 once sanitised: the upload is a 400.</summary>
    public static bool TooLong(string sanitized) => Encoding.UTF8.GetByteCount(sanitized) > MaxBytes;
}
