using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Tripmate.ServiceDefaults.Errors;

/// <summary>
/// Turns the framework's binding messages, which name .NET types (<c>Failed to bind parameter
/// "Guid id" from "x"</c>, <c>could not be converted to System.Int32</c>), into messages that
/// name the field as the client sent it.
/// </summary>
internal static partial class BindingFailure
{
    public static (string? Field, string Message) Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            var wrongType = json.Message.Contains(" could not be converted to ", StringComparison.Ordinal)
                || json.Message.StartsWith("The JSON value", StringComparison.Ordinal);
            if (field is null)
            {
                return (null, wrongType ? "The request body is not valid: it is not the JSON object this route takes."
                    : $"The request body is not valid JSON: {TypeName().Replace(OwnMessage(json.Message), "value")}");
            }

            return (field, $"The request body is not valid: {field} {(wrongType ? "has the wrong type or format." : OwnMessage(json.Message))}");
        }

        var message = exception.Message;
        if (BindParameter().Match(message) is { Success: true } bind)
        {
            var name = bind.Groups["name"].Value;
            return (name, $"{name} has the wrong type or format.");
        }

        if (RequiredParameter().Match(message) is { Success: true } required)
        {
            var name = required.Groups["name"].Value;
            return required.Groups["source"].Value == "body" ? (null, "A JSON request body is required.") : (name, $"{name} is required.");
        }

        if (ImplicitBody().IsMatch(message))
        {
            return (null, "A JSON request body is required.");
        }

        // Messages without type names (media type, body too large) are already right for the client.
        return (null, TypeName().Replace(message, "value"));
    }

    /// <summary><c>$.members[2].userId</c> → <c>members[2].userId</c>; null for the whole body (<c>$</c>) or none.</summary>
    private static string? FieldOf(string? path) =>
        path is null or "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>A converter's own message (e.g. the control-character rule), without the path the serializer appended.</summary>
    private static string OwnMessage(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }

    [GeneratedRegex("""^Failed to bind parameter "(?:[^"]* )?(?<name>[^" ]+)" from """)]
    private static partial Regex BindParameter();

    [GeneratedRegex("""^Required parameter "(?:[^"]* )?(?<name>[^" ]+)" was not provided from (?<source>\w+)""")]
    private static partial Regex RequiredParameter();

    [GeneratedRegex("""^Implicit body inferred for parameter""")]
    private static partial Regex ImplicitBody();

    [GeneratedRegex("""System(\.[A-Za-z0-9_`]+)+""")]
    private static partial Regex TypeName();
}
