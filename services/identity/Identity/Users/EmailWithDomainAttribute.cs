using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace Tripmate.Identity.Users;

/// <summary>
/// An address mail can be sent to: one <c>@</c>, a local part, and a domain with a dot in it
/// (<c>a@b</c> is refused; the framework's EmailAddress attribute only looks for the <c>@</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class EmailWithDomainAttribute : ValidationAttribute
{
    public override bool IsValid(object? value)
    {
        if (value is not string text)
        {
            return true;
        }

        var at = text.LastIndexOf('@');
        if (at <= 0 || text.IndexOf('@') != at || text.Any(char.IsWhiteSpace) || !MailAddress.TryCreate(text, out var address))
        {
            return false;
        }

        var domain = text[(at + 1)..];
        return address.Address == text && domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..");
    }

    public override string FormatErrorMessage(string name) => $"{name} must be an e-mail address such as name@example.com.";
}
