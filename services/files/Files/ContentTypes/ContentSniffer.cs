using System.Text;
using System.Text.Unicode;

namespace Tripmate.Files.ContentTypes;

/// <summary>
/// Decides a file's type from its first bytes (magic numbers), never from its name or the type the
/// client claims: an executable named <c>photo.jpg</c> is not an image. Only the types of
/// <see cref="AllowedTypes"/> are accepted. The name matters only inside a container family whose
/// bytes cannot tell its members apart: a ZIP is a .docx, .xlsx or .pptx if the name says so, and
/// an OLE2 compound file is a .doc, .xls or .ppt. No library on the project's feed does this well
/// (Mime-Detective is a 2017 beta), so the table stays small and every row is tested.
/// </summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes are looked at (tar's magic is at 257; text is judged on this much).</summary>
    public const int HeadLength = 8192;

    public const string PlainText = "text/plain";

    private static readonly (byte[] Magic, int Offset, string Type)[] Signatures =
    [
        ([0xFF, 0xD8, 0xFF], 0, "image/jpeg"),
        ([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], 0, "image/png"),
        ("GIF87a"u8.ToArray(), 0, "image/gif"),
        ("GIF89a"u8.ToArray(), 0, "image/gif"),
        ("WEBP"u8.ToArray(), 8, "image/webp"), // after "RIFF" and a length, checked below
        ("%PDF-"u8.ToArray(), 0, "application/pdf"),
        ([0x1F, 0x8B], 0, "application/gzip"),
        ([(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C], 0, "application/x-7z-compressed"),
        ("Rar!\u001A\u0007"u8.ToArray(), 0, "application/vnd.rar"),
        ("ustar"u8.ToArray(), 257, "application/x-tar"),
    ];

    private static readonly Dictionary<string, string> ZipMembers = new(StringComparer.OrdinalIgnoreCase)
    {
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".odp"] = "application/vnd.oasis.opendocument.presentation",
    };

    private static readonly Dictionary<string, string> Ole2Members = new(StringComparer.OrdinalIgnoreCase)
    {
        [".doc"] = "application/msword",
        [".xls"] = "application/vnd.ms-excel",
        [".ppt"] = "application/vnd.ms-powerpoint",
    };

    /// <summary>Every type a file may have here: images, PDF, plain text, office documents, archives.</summary>
    public static IReadOnlySet<string> AllowedTypes { get; } = new HashSet<string>(
        Signatures.Select(s => s.Type).Concat(ZipMembers.Values).Concat(Ole2Members.Values).Append("application/zip").Append(PlainText)
            .Append("image/heic").Append("image/avif"), StringComparer.Ordinal);

    /// <summary>The file's type, or null when it is none of <see cref="AllowedTypes"/>.</summary>
    /// <param name="head">The first <see cref="HeadLength"/> bytes, or the whole file when shorter.</param>
    /// <param name="isWholeFile">The head is the whole file (a text's last character may then not be cut).</param>
    public static string? Detect(ReadOnlySpan<byte> head, string fileName, bool isWholeFile)
    {
        var extension = Path.GetExtension(fileName);
        if (StartsWith(head, "PK\u0003\u0004"u8, 0) || StartsWith(head, "PK\u0005\u0006"u8, 0))
        {
            return ZipMembers.GetValueOrDefault(extension, "application/zip");
        }

        if (StartsWith(head, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], 0))
        {
            return Ole2Members.GetValueOrDefault(extension);
        }

        if (head.Length >= 12 && StartsWith(head, "ftyp"u8, 4))
        {
            return head.Slice(8, 4) switch
            {
                var brand when brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8) => "image/heic",
                var brand when brand.SequenceEqual("avif"u8) => "image/avif",
                _ => null, // MP4 and friends: video is not on the list
            };
        }

        foreach (var (magic, offset, type) in Signatures)
        {
            if (StartsWith(head, magic, offset) && (type != "image/webp" || StartsWith(head, "RIFF"u8, 0)))
            {
                return type;
            }
        }

        return IsPlainText(head, isWholeFile) ? PlainText : null;
    }

    /// <summary>
    /// UTF-8 without control characters other than tab, line breaks and form feed, and not markup a
    /// browser would render (HTML, SVG, XML): those are not plain text, whatever the extension says.
    /// </summary>
    public static bool IsPlainText(ReadOnlySpan<byte> head, bool isWholeFile)
    {
        var text = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head;
        if (!isWholeFile)
        {
            // A character cut at the end of the head is no reason to refuse the file.
            text = text[..LastCompleteUtf8Boundary(text)];
        }

        if (!Utf8.IsValid(text))
        {
            return false;
        }

        var decoded = Encoding.UTF8.GetString(text);
        if (decoded.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f')))
        {
            return false;
        }

        var start = decoded.TrimStart().ToLowerInvariant();
        return !(start.StartsWith("<!doctype", StringComparison.Ordinal) || start.StartsWith("<html", StringComparison.Ordinal)
            || start.StartsWith("<svg", StringComparison.Ordinal) || start.StartsWith("<?xml", StringComparison.Ordinal)
            || start.StartsWith("<script", StringComparison.Ordinal) || start.StartsWith("<head", StringComparison.Ordinal)
            || start.StartsWith("<body", StringComparison.Ordinal) || start.StartsWith("<iframe", StringComparison.Ordinal));
    }

    private static int LastCompleteUtf8Boundary(ReadOnlySpan<byte> text)
    {
        // Step back over at most 3 continuation bytes to the start of the last character.
        for (var i = text.Length - 1; i >= 0 && i >= text.Length - 4; i--)
        {
            var b = text[i];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }

            var length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return i + length <= text.Length ? text.Length : i;
        }

        return text.Length;
    }

    private static bool StartsWith(ReadOnlySpan<byte> head, ReadOnlySpan<byte> magic, int offset) =>
        head.Length >= offset + magic.Length && head.Slice(offset, magic.Length).SequenceEqual(magic);
}
