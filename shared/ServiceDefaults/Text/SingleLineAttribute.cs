using System.ComponentModel.DataAnnotations;

namespace Tripmate.ServiceDefaults.Text;

/// <summary>
/// A name, e-mail or title: on top of what every JSON string already obeys (no control characters
/// but tab and line breaks), no tab or line break either.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class SingleLineAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not string text || ControlCharacters.AreAllowed(text, multiLine: false);

    public override string FormatErrorMessage(string name) => $"{name} {ControlCharacters.SingleLineMessage}";
}
