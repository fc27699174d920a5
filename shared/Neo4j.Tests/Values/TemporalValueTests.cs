using System.Net;
using System.Text;
using System.Text.Json;
using Tripmate.Neo4j.Http;
using Tripmate.Neo4j.Values;

namespace Tripmate.Neo4j.Tests.Values;

/// <summary>
/// Temporal values keep everything Neo4j defines (nanoseconds, years ±999,999,999, offsets with
/// seconds up to ±18:00) both ways; conversions to .NET's types are exact or refused.
/// </summary>
public sealed class TemporalValueTests
{
    public static TheoryData<string, object> Extremes => new()
    {
        { "earliest date", new Neo4jDate(Neo4jDate.MinYear, 1, 1) },
        { "latest date", new Neo4jDate(Neo4jDate.MaxYear, 12, 31) },
        { "year 0, a leap year", new Neo4jDate(0, 2, 29) },
        { "last nanosecond of a day", new Neo4jLocalTime(23, 59, 59, 999_999_999) },
        { "time at -18:00", new Neo4jTime(new Neo4jLocalTime(0, 0, 0, 1), -18 * 3600) },
        { "time with offset seconds", new Neo4jTime(new Neo4jLocalTime(12, 0, 0), 3630) },
        { "local datetime, year -44", new Neo4jLocalDateTime(new Neo4jDate(-44, 3, 15), new Neo4jLocalTime(12, 0, 0, 123_456_789)) },
        { "offset datetime +18:00", new Neo4jDateTime(new Neo4jLocalDateTime(new Neo4jDate(Neo4jDate.MaxYear, 12, 31), new Neo4jLocalTime(23, 59, 59, 999_999_999)), 18 * 3600) },
        { "zoned datetime, historic offset", new Neo4jDateTime(new Neo4jLocalDateTime(new Neo4jDate(1880, 1, 1), new Neo4jLocalTime(0, 0, 0)), 1050, "Europe/Brussels") },
        { "duration, nanosecond", new Neo4jDuration(0, 0, 0, 1) },
        { "duration, negative with fraction", new Neo4jDuration(-14, -16, -1, 200_000_000) },
        { "duration, largest", new Neo4jDuration(long.MaxValue, long.MaxValue, long.MaxValue, 999_999_999) },
    };

    [Theory]
    [MemberData(nameof(Extremes))]
    public void A_value_sent_reads_back_equal(string name, object value)
    {
        var body = QueryApiProtocol.RequestBody(new CypherStatement("RETURN $v", new Dictionary<string, object?> { ["v"] = value }), null, []);
        using var sent = JsonDocument.Parse(body);
        var typed = sent.RootElement.GetProperty("parameters").GetProperty("v").GetRawText();

        var answer = QueryApiProtocol.ReadAnswer(HttpStatusCode.Accepted, QueryApiProtocol.MediaType,
            $$"""{"data":{"fields":["v"],"values":[[{{typed}}]]},"bookmarks":[]}""");

        Assert.True(Equals(value, answer.Result.Rows[0][0]), $"{name}: sent {typed}, read {answer.Result.Rows[0][0]}");
    }

    /// <summary>Values only the server writes this way (java.time's shortest forms): each is read, none throws.</summary>
    [Theory]
    [InlineData("Date", "-999999999-01-01")]
    [InlineData("Date", "+999999999-12-31")]
    [InlineData("LocalTime", "00:00")]
    [InlineData("LocalTime", "12:50:35.1")]
    [InlineData("Time", "00:00-18:00")]
    [InlineData("Time", "23:59:59.999999999+18:00")]
    [InlineData("LocalDateTime", "+10000-01-01T00:00")]
    [InlineData("OffsetDateTime", "-0001-01-01T00:00:00.000001+00:00:01")]
    [InlineData("ZonedDateTime", "1880-01-01T00:00+00:17:30[Europe/Brussels]")]
    [InlineData("ZonedDateTime", "2015-11-21T21:40:32.142+02:00[+02:00]")]
    [InlineData("Duration", "PT0S")]
    [InlineData("Duration", "P-1Y-2M-3DT-4H-5M-6.000000007S")]
    [InlineData("Duration", "PT2562047788015215H30M7.999999999S")]
    public void Every_form_the_server_writes_is_read(string type, string value)
    {
        var answer = QueryApiProtocol.ReadAnswer(HttpStatusCode.Accepted, QueryApiProtocol.MediaType,
            $$"""{"data":{"fields":["v"],"values":[[{"$type":"{{type}}","_value":"{{value}}"}]]},"bookmarks":[]}""");

        Assert.NotNull(answer.Result.Rows[0][0]);
    }

    [Fact]
    public void Conversions_to_dotnet_types_are_exact_or_refused()
    {
        var local = new Neo4jLocalDateTime(new Neo4jDate(2015, 7, 4), new Neo4jLocalTime(19, 32, 24, 123_456_700));
        Assert.Equal(new DateTime(2015, 7, 4, 19, 32, 24).AddTicks(1_234_567), local.ToDateTime());
        Assert.Equal(new DateTimeOffset(2015, 7, 4, 19, 32, 24, TimeSpan.FromMinutes(-330)).AddTicks(1_234_567),
            new Neo4jDateTime(local, -330 * 60).ToDateTimeOffset());
        Assert.Equal(new DateOnly(9999, 12, 31), new Neo4jDate(9999, 12, 31).ToDateOnly());

        Assert.Throws<InvalidCastException>(() => new Neo4jLocalTime(12, 0, 0, 1).ToTimeOnly());
        Assert.Throws<InvalidCastException>(() => new Neo4jDate(10_000, 1, 1).ToDateOnly());
        Assert.Throws<InvalidCastException>(() => new Neo4jDate(0, 1, 1).ToDateOnly());
        Assert.Throws<InvalidCastException>(() => new Neo4jDateTime(local, 3630).ToDateTimeOffset());
        Assert.Throws<InvalidCastException>(() => new Neo4jDateTime(local, 15 * 3600).ToDateTimeOffset());
        Assert.Throws<InvalidCastException>(() => new Neo4jLocalDateTime(local.Date, new Neo4jLocalTime(0, 0, 0, 50)).ToDateTime());
    }

    [Fact]
    public void A_result_converts_a_column_to_dotnet_types_only_where_nothing_is_lost()
    {
        var answer = QueryApiProtocol.ReadAnswer(HttpStatusCode.Accepted, QueryApiProtocol.MediaType, """
            {"data":{"fields":["exact","nanos","date"],"values":[[
              {"$type":"OffsetDateTime","_value":"2015-06-24T12:50:35.5556+01:00"},
              {"$type":"OffsetDateTime","_value":"2015-06-24T12:50:35.555555555+01:00"},
              {"$type":"Date","_value":"+12345-01-01"}]]},"bookmarks":[]}
            """).Result;

        Assert.Equal(new DateTimeOffset(2015, 6, 24, 12, 50, 35, TimeSpan.FromHours(1)).AddTicks(5_556_000), answer.Get<DateTimeOffset>(0, "exact"));
        Assert.Equal(555_555_555, answer.Get<Neo4jDateTime>(0, "nanos").DateTime.Time.Nanosecond);
        var refused = Assert.Throws<InvalidCastException>(() => answer.Get<DateTimeOffset>(0, "nanos"));
        Assert.Contains("'nanos'", refused.Message);
        Assert.Throws<InvalidCastException>(() => answer.Get<DateOnly>(0, "date"));
    }

    [Fact]
    public void Impossible_values_cannot_be_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Neo4jDate(2023, 2, 29));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Neo4jDate(Neo4jDate.MaxYear + 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Neo4jLocalTime(24, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Neo4jLocalTime(0, 0, 0, 1_000_000_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Neo4jTime(new Neo4jLocalTime(0, 0, 0), 18 * 3600 + 1));
        Assert.Equal("+010000-01-01", new Neo4jDate(10_000, 1, 1).ToString());
        Assert.Equal("00:00:00.000000001+01:00:30", new Neo4jTime(new Neo4jLocalTime(0, 0, 0, 1), 3630).ToString());
        Assert.Equal("P0M0DT0.000000001S", Encoding.UTF8.GetString(QueryApiProtocol.RequestBody(
            new CypherStatement("RETURN $d", new Dictionary<string, object?> { ["d"] = new Neo4jDuration(0, 0, 0, 1) }), null, []))
            .Split("\"_value\":\"")[1].Split('"')[0]);
    }
}
