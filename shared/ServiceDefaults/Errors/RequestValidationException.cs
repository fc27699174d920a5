namespace Tripmate.ServiceDefaults.Errors;

/// <summary>
/// A check that attributes cannot express (an unreadable cursor, a value that needs the store)
/// failed. Rendered as the same 400 validation problem as attribute validation.
/// </summary>
public sealed class RequestValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
