using System.Collections;
using System.Globalization;
using System.Text.Json;
using Tripmate.Neo4j.Values;

namespace Tripmate.Neo4j.Json;

/// <summary>
/// Writes parameter values as the Query API's typed JSON (<c>{"$type": T, "_value": v}</c>), so a
/// 64-bit integer, a float and a string that look alike stay what they are.
/// </summary>
internal static class TypedJsonWriter
{
    public static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                Typed(json, "Null", w => w.WriteNullValue());
                break;
            case bool flag:
                Typed(json, "Boolean", w => w.WriteBooleanValue(flag));
                break;
            case string text:
                Typed(json, "String", Utf16.Checked(text, "A string parameter"));
                break;
            case Guid id:
                Typed(json, "String", id.ToString("D"));
                break;
            case Enum:
                throw new ArgumentException($"Send enum {value.GetType().Name} as a string or number of your choice, not as itself.");
            case byte or sbyte or short or ushort or int or uint or long:
                Typed(json, "Integer", Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case ulong big:
                Typed(json, "Integer", checked((long)big).ToString(CultureInfo.InvariantCulture));
                break;
            case float or double:
                Typed(json, "Float", JsNumber.Format(Convert.ToDouble(value, CultureInfo.InvariantCulture)));
                break;
            case byte[] bytes:
                Typed(json, "Base64", Convert.ToBase64String(bytes));
                break;
            case DateOnly date:
                Typed(json, "Date", TemporalText.Date(Neo4jDate.From(date)));
                break;
            case Neo4jDate date:
                Typed(json, "Date", TemporalText.Date(date));
                break;
            case TimeOnly time:
                Typed(json, "LocalTime", TemporalText.Time(Neo4jLocalTime.From(time)));
                break;
            case Neo4jLocalTime time:
                Typed(json, "LocalTime", TemporalText.Time(time));
                break;
            case DateTime local:
                Typed(json, "LocalDateTime", Neo4jLocalDateTime.From(local).ToString());
                break;
            case Neo4jLocalDateTime local:
                Typed(json, "LocalDateTime", local.ToString());
                break;
            case DateTimeOffset instant:
                Typed(json, "OffsetDateTime", Neo4jDateTime.From(instant).ToString());
                break;
            case Neo4jDateTime dateTime:
                Typed(json, dateTime.ZoneId is null ? "OffsetDateTime" : "ZonedDateTime", dateTime.ToString());
                break;
            case Neo4jTime time:
                Typed(json, "Time", time.ToString());
                break;
            case Neo4jDuration duration:
                Typed(json, "Duration", TemporalText.Duration(duration));
                break;
            case Neo4jPoint point:
                Typed(json, "Point", point.Z is { } z
                    ? $"SRID={point.Srid};POINT Z ({JsNumber.Format(point.X)} {JsNumber.Format(point.Y)} {JsNumber.Format(z)})"
                    : $"SRID={point.Srid};POINT ({JsNumber.Format(point.X)} {JsNumber.Format(point.Y)})");
                break;
            case Neo4jNode or Neo4jRelationship or Neo4jPath:
                throw new ArgumentException("Nodes, relationships and paths cannot be parameters: pass their ids.");
            case IDictionary map:
                Typed(json, "Map", w =>
                {
                    w.WriteStartObject();
                    foreach (DictionaryEntry entry in map)
                    {
                        w.WritePropertyName(Utf16.Checked(entry.Key as string ?? throw new ArgumentException("Map keys must be strings."), "A map key"));
                        Write(w, entry.Value);
                    }
                    w.WriteEndObject();
                });
                break;
            case IEnumerable list:
                Typed(json, "List", w =>
                {
                    w.WriteStartArray();
                    foreach (var item in list)
                    {
                        Write(w, item);
                    }
                    w.WriteEndArray();
                });
                break;
            default:
                throw new ArgumentException($"A {value.GetType().Name} cannot be sent to Neo4j as a parameter.");
        }
    }

    private static void Typed(Utf8JsonWriter json, string type, string text) => Typed(json, type, w => w.WriteStringValue(text));

    private static void Typed(Utf8JsonWriter json, string type, Action<Utf8JsonWriter> writeValue)
    {
        json.WriteStartObject();
        json.WriteString("$type", type);
        json.WritePropertyName("_value");
        writeValue(json);
        json.WriteEndObject();
    }
}
