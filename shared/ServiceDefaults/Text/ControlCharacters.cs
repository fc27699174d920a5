namespace Tripmate.ServiceDefaults.Text;

/// <summary>
/// The one rule for control characters in client text, used by the JSON reader, the query string
/// check and <see cref="SingleLineAttribute"/>. NUL and the other C0/C1 controls (and DEL) are
/// never accepted: PostgreSQL refuses NUL, and the others are invisible ways to spoof names.
/// Multi-line text (a bio, a message) may also hold tab, line feed and carriage return.
/// </summary>
public static class ControlCharacters
{
    public const string MultiLineMessage = "must not contain control characters (tab and line breaks are allowed).";

    public const string SingleLineMessage = "must not contain control characters, tabs or line breaks.";

    public static bool IsAllowed(char c, bool multiLine) =>
        !char.IsControl(c) || (multiLine && c is '\t' or '\n' or '\r');

    /// <summary>True when every character of <paramref name="text"/> is allowed.</summary>
    public static bool AreAllowed(ReadOnlySpan<char> text, bool multiLine)
    {
        foreach (var c in text)
        {
            if (!IsAllowed(c, multiLine))
            {
                return false;
            }
        }

        return true;
    }
}
