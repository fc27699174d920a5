using System.Text.Json.Nodes;

namespace Tripmate.Neo4j.Tests.Oracle;

/// <summary>
/// Where the wrapper (an alpha) and the Query API documentation disagree, we follow the
/// documentation. Each difference, and where the tests show it:
/// 1. accessMode: the wrapper sends "READ"/"WRITE"; the documentation says "Read"/"Write"
///    (normalised below, on the wrapper's side only, like 7).
/// 2. -0.0 is sent as "0" by the wrapper (JS's String(-0)); we keep the sign as "-0.0"
///    (RequestOracleTests.Minus_zero_keeps_its_sign_where_the_wrapper_sends_zero).
/// 3. Times with whole seconds ("19:32:24") or whole minutes fail to decode in the wrapper;
///    the documentation's own examples have them (ResponseOracleTests: wrapper defects).
/// 4. Durations with negative parts or years ("PT-1S", "P1Y2M", as Neo4j writes them) are rejected by the wrapper.
/// 5. A response without "counters" fails in the wrapper; the server sends counters only when asked.
/// 6. Content-Type must match the wrapper exactly; we accept parameters such as "; charset=utf-8".
/// 7. maxExecutionTime: the wrapper sends the driver's milliseconds; the server reads seconds, which
///    we send (normalised below: the wrapper's value divided by 1000).
/// 8. Bearer tokens: the wrapper base64-encodes them; they go as they are (RequestOracleTests).
/// 9. Offsets with seconds ("+01:00:30", historic zones) lose their seconds in the wrapper's
///    decoder; ours keeps them (ResponseOracleTests: wrapper defects).
/// 10. Lone surrogates: the wrapper sends them escaped and the server stores U+FFFD; ours refuses
///    them before sending (RequestOracleTests).
/// </summary>
internal static class WrapperDifferences
{
    public static JsonNode AsDocumented(JsonNode wrapperBody)
    {
        if (wrapperBody is JsonObject body && body["accessMode"]?.GetValue<string>() is { } mode)
        {
            body["accessMode"] = mode == "READ" ? "Read" : mode == "WRITE" ? "Write" : mode;
        }

        if (wrapperBody is JsonObject withTimeout && withTimeout["maxExecutionTime"] is JsonValue milliseconds)
        {
            withTimeout["maxExecutionTime"] = milliseconds.GetValue<long>() / 1000;
        }

        return wrapperBody;
    }
}
