using System.ComponentModel.DataAnnotations;

namespace Tripmate.Messaging.Messages;

/// <summary>
/// A string whose length after trimming lies in a range: the text is stored trimmed, so that is the
/// length that counts, and text of spaces alone is too short.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class TrimmedLengthAttribute(int minimum, int maximum) : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is not string text || text.Trim().Length is var length && length >= minimum && length <= maximum;

    public override string FormatErrorMessage(string name) =>
        $"{name} must have {minimum} to {maximum} characters, not counting leading and trailing white space.";
}
