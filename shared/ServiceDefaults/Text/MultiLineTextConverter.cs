using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tripmate.ServiceDefaults.Text;

/// <summary>
/// Every string read from a JSON body passes <see cref="ControlCharacters"/> (multi-line): a NUL
/// in any field is a 400 naming the field, before a handler or a store sees it.
/// </summary>
internal sealed class MultiLineTextConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("must be a string.");
        }

        var text = reader.GetString()!;
        return ControlCharacters.AreAllowed(text, multiLine: true)
            ? text
            : throw new JsonException(ControlCharacters.MultiLineMessage);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
