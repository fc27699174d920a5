using System.Globalization;
using System.Text;

namespace Tripmate.Files.Uploads;

/// <summary>
/// A client's file name made safe to keep and to hand back: the last path segment only (no
/// <c>../../etc/passwd</c>), no control characters, no bidirectional overrides (which make
/// <c>invoice‮fdp.exe</c> read as <c>invoice.exe.pdf</c>), at most 255 bytes of UTF-8 with the
/// extension kept, and never empty. The bytes decide the type, so the name is only a label.
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
        return clean.Length == 0 ? Fallback : Truncate(clean);
    }

    private static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>Cuts the stem, whole characters (text elements) at a time, until name and extension fit.</summary>
    private static string Truncate(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxBytes)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        if (Encoding.UTF8.GetByteCount(extension) > 32)
        {
            extension = ""; // not a real extension: a long name with a dot in it
        }

        var stem = name[..^extension.Length];
        var budget = MaxBytes - Encoding.UTF8.GetByteCount(extension);
        var result = new StringBuilder();
        var used = 0;
        var elements = StringInfo.GetTextElementEnumerator(stem);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var bytes = Encoding.UTF8.GetByteCount(element);
            if (used + bytes > budget)
            {
                break;
            }

            result.Append(element);
            used += bytes;
        }

        return result.Length == 0 ? Fallback + extension : result + extension;
    }
}
