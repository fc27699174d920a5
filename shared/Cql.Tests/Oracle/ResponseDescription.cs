using System.Globalization;
using System.Text.Json.Nodes;
using Tripmate.Cql.Protocol;

namespace Tripmate.Cql.Tests.Oracle;

/// <summary>Describes what our reader decoded in the same JSON shape cql-oracle.js gives for the driver's reader.</summary>
internal static class ResponseDescription
{
    public static JsonObject Of(ResponseMessage message)
    {
        var description = message switch
        {
            // The driver reports AUTH_SUCCESS as "ready" (it drops the token), so both map to ready.
            ReadyMessage or AuthSuccessMessage => new JsonObject { ["kind"] = "ready" },
            AuthenticateMessage m => new JsonObject { ["kind"] = "authenticate", ["authenticator"] = m.Authenticator },
            AuthChallengeMessage m => new JsonObject { ["kind"] = "authChallenge", ["token"] = m.Token is null ? null : Hex(m.Token) },
            SupportedMessage m => new JsonObject { ["kind"] = "supported", ["options"] = new JsonObject(m.Options.Select(o => KeyValuePair.Create(o.Key, (JsonNode?)Strings(o.Value)))) },
            EventMessage m => new JsonObject { ["kind"] = "event", ["eventType"] = m.EventType },
            ErrorMessage m => Error(m.Error),
            PreparedMessage m => new JsonObject
            {
                ["kind"] = "prepared", ["id"] = Hex(m.Id), ["variables"] = Columns(m.Variables),
                ["pkIndexes"] = new JsonArray(m.PartitionKeyIndexes.Select(i => (JsonNode)i).ToArray()),
            },
            ResultMessage { RowSet: var rows } => Result(rows),
            _ => throw new InvalidOperationException(message.GetType().Name),
        };
        description["warnings"] = Strings(message.Warnings);
        description["traceId"] = message.TracingId?.ToString();
        return description;
    }

    private static JsonObject Result(RowSet rows) => rows.Kind switch
    {
        ResultKind.Void => new JsonObject { ["kind"] = "void" },
        ResultKind.SetKeyspace => new JsonObject { ["kind"] = "setKeyspace", ["keyspace"] = rows.Keyspace },
        ResultKind.SchemaChange => new JsonObject
        {
            ["kind"] = "schemaChange",
            ["schemaChange"] = new JsonObject
            {
                ["changeType"] = rows.SchemaChange!.ChangeType, ["target"] = rows.SchemaChange.Target, ["keyspace"] = rows.SchemaChange.Keyspace,
                ["name"] = rows.SchemaChange.Name, ["argTypes"] = Strings(rows.SchemaChange.ArgumentTypes),
            },
        },
        ResultKind.Rows => new JsonObject
        {
            ["kind"] = "rows",
            ["columns"] = Columns(rows.Columns),
            ["pagingState"] = rows.PagingState is null ? null : Hex(rows.PagingState),
            ["rows"] = new JsonArray(rows.Select(row => (JsonNode)new JsonArray(
                rows.Columns.Select((column, i) => Value(row[i], column.Type)).ToArray())).ToArray()),
        },
        _ => throw new InvalidOperationException(rows.Kind.ToString()),
    };

    private static JsonObject Error(CqlServerException error)
    {
        var d = new JsonObject { ["kind"] = "error", ["code"] = (int)error.Code };
        // The driver replaces the message of these codes with its own sentence; their details still compare.
        if (error is not (UnavailableException or ReadTimeoutException or ReadFailureException or WriteTimeoutException or WriteFailureException))
            d["message"] = error.Message;
        switch (error)
        {
            case UnavailableException e:
                d["consistency"] = (int)e.Consistency; d["required"] = e.Required; d["alive"] = e.Alive;
                break;
            case ReadTimeoutException e:
                d["consistency"] = (int)e.Consistency; d["received"] = e.Received; d["blockFor"] = e.BlockFor; d["dataPresent"] = e.DataPresent;
                break;
            case ReadFailureException e:
                d["consistency"] = (int)e.Consistency; d["received"] = e.Received; d["blockFor"] = e.BlockFor; d["failures"] = e.Failures; d["dataPresent"] = e.DataPresent;
                break;
            case WriteTimeoutException e:
                d["consistency"] = (int)e.Consistency; d["received"] = e.Received; d["blockFor"] = e.BlockFor; d["writeType"] = e.WriteType;
                break;
            case WriteFailureException e:
                d["consistency"] = (int)e.Consistency; d["received"] = e.Received; d["blockFor"] = e.BlockFor; d["failures"] = e.Failures; d["writeType"] = e.WriteType;
                break;
            case FunctionFailureException e:
                d["keyspace"] = e.Keyspace; d["functionName"] = e.Function; d["argTypes"] = Strings(e.ArgumentTypes);
                break;
            case AlreadyExistsException e:
                d["keyspace"] = e.Keyspace; d["table"] = e.Table;
                break;
            case UnpreparedException e:
                d["unknownId"] = Hex(e.UnknownId);
                break;
        }
        return d;
    }

    private static JsonArray Columns(IReadOnlyList<CqlColumn> columns) => new(columns.Select(c => (JsonNode)new JsonObject
    {
        ["keyspace"] = c.Keyspace, ["table"] = c.Table, ["name"] = c.Name, ["type"] = c.Type.ToString(),
    }).ToArray());

    public static JsonNode? Value(object? value, CqlType type) => value switch
    {
        null => null,
        string s => s,
        int i => i,
        long l => l.ToString(CultureInfo.InvariantCulture),
        bool b => b,
        double d => V.DoubleJson(d),
        DateTimeOffset t => t.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        Guid g => g.ToString(),
        byte[] bytes => Hex(bytes),
        List<object?> items => new JsonArray(items.Select(item => Value(item, type.Element!)).ToArray()),
        Dictionary<object, object?> map => new JsonArray(map.Select(e => (JsonNode)new JsonArray(Value(e.Key, type.Key!), Value(e.Value, type.Element!))).ToArray()),
        _ => throw new InvalidOperationException($"Unexpected decoded value {value.GetType()}"),
    };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
