using System.Buffers;
using System.Text;

namespace Tripmate.Neo4j.Json;

/// <summary>
/// Text is checked before it is sent: a lone surrogate cannot be written as UTF-8, and the JSON
/// writer would put U+FFFD in its place, storing a character the caller never gave. Refused instead.
/// </summary>
internal static class Utf16
{
    public static string Checked(string text, string what)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return text;
        }

        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var consumed) != OperationStatus.Done)
            {
                var index = text.Length - rest.Length;
                throw new ArgumentException(
                    $"{what} is not valid UTF-16: a lone surrogate U+{(int)text[index]:X4} at index {index}. Neo4j would store U+FFFD in its place; send valid text.");
            }

            rest = rest[consumed..];
        }

        return text;
    }
}
