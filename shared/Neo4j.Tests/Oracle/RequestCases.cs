using Tripmate.Neo4j.Http;
using Tripmate.Neo4j.Values;

namespace Tripmate.Neo4j.Tests.Oracle;

/// <summary>Parameter values whose request bodies must equal the official wrapper's, one statement each.</summary>
internal static class RequestCases
{
    public static readonly IReadOnlyDictionary<string, object?> Values = new Dictionary<string, object?>
    {
        ["null"] = null,
        ["true"] = true,
        ["false"] = false,
        ["zero"] = 0L,
        ["int"] = 42,
        ["negative"] = -7L,
        ["beyond 2^53"] = 9_007_199_254_740_993L,
        ["long max"] = long.MaxValue,
        ["long min"] = long.MinValue,
        ["float"] = 1.5,
        ["whole float"] = 1.0,
        ["tenth"] = 0.1,
        ["large float"] = 1e21,
        ["small float"] = 1e-7,
        ["double max"] = double.MaxValue,
        ["denormal"] = double.Epsilon,
        ["NaN"] = double.NaN,
        ["infinity"] = double.PositiveInfinity,
        ["minus infinity"] = double.NegativeInfinity,
        ["empty string"] = "",
        ["string"] = "Oslo",
        ["unicode"] = "Zürich ✈ 東京 🧭",
        ["escapes"] = "quote \" backslash \\ newline \n tab \t <&>",
        ["guid"] = Guid.Parse("0192f4a0-7c3e-7b1a-9c2d-3e4f5a6b7c8d"),
        ["bytes"] = new byte[] { 0, 1, 2, 250, 255 },
        ["list"] = new List<object?> { 1L, "two", 3.5, null, true },
        ["nested"] = new Dictionary<string, object?> { ["name"] = "Oslo", ["tags"] = new List<object?> { "a", "b" }, ["n"] = 1L },
        ["date"] = new DateOnly(2015, 3, 26),
        ["local time"] = new TimeOnly(12, 50, 35, 556),
        ["local datetime"] = new DateTime(2015, 7, 4, 19, 32, 24, 123, DateTimeKind.Unspecified),
        ["offset datetime"] = new DateTimeOffset(2015, 6, 24, 12, 50, 35, 556, TimeSpan.FromHours(1)),
        ["zoned datetime"] = Neo4jDateTime.From(new DateTimeOffset(2015, 11, 21, 21, 40, 32, 142, TimeSpan.FromHours(2)), "Antarctica/Troll"),
        ["time"] = new Neo4jTime(Neo4jLocalTime.From(new TimeOnly(12, 50, 35, 556)), 3600),
        // Beyond .NET's types: nanoseconds, years outside 1..9999, offsets with seconds (historic zones) and beyond ±14:00.
        ["local time, nanoseconds"] = new Neo4jLocalTime(23, 59, 59, 999_999_999),
        ["date, year 10000"] = new Neo4jDate(10_000, 1, 1),
        ["date, year 0"] = new Neo4jDate(0, 2, 29),
        ["date, year -1"] = new Neo4jDate(-1, 12, 31),
        ["date, earliest"] = new Neo4jDate(Neo4jDate.MinYear, 1, 1),
        ["date, latest"] = new Neo4jDate(Neo4jDate.MaxYear, 12, 31),
        ["local datetime, nanoseconds"] = new Neo4jLocalDateTime(new Neo4jDate(2015, 7, 4), new Neo4jLocalTime(19, 32, 24, 1)),
        ["time, offset with seconds"] = new Neo4jTime(new Neo4jLocalTime(12, 50, 35, 123_456_789), 3630),
        ["offset datetime, offset -18:00"] = new Neo4jDateTime(new Neo4jLocalDateTime(new Neo4jDate(-44, 3, 15), new Neo4jLocalTime(0, 0, 0)), -18 * 3600),
        ["zoned datetime, offset with seconds"] = new Neo4jDateTime(
            new Neo4jLocalDateTime(new Neo4jDate(1880, 1, 1), new Neo4jLocalTime(0, 0, 0, 5)), 1050, "Europe/Brussels"),
        ["duration"] = new Neo4jDuration(14, 16, 43_200, 5),
        ["point"] = new Neo4jPoint(4326, 10.75, 59.91),
        ["point 3d"] = new Neo4jPoint(9157, 1.5, -2.25, 3.0),
    };

    public static IEnumerable<(string Name, CypherStatement Statement, AccessMode? Mode, Neo4jRunOptions? Options)> All()
    {
        foreach (var (name, value) in Values)
        {
            yield return (name, new CypherStatement("RETURN $value AS value", new Dictionary<string, object?> { ["value"] = value }), AccessMode.Write, null);
        }

        yield return ("no parameters, read, bookmarks", CypherStatement.Of("MATCH (n) RETURN count(n) AS n"), AccessMode.Read,
            new Neo4jRunOptions { Bookmarks = ["FB:kcwQ1", "FB:kcwQ2"] });
        yield return ("several parameters", new CypherStatement("MERGE (u:User {id: $id}) SET u.since = $since",
            new Dictionary<string, object?> { ["id"] = "u-1", ["since"] = 1_732_000_000_000L }), AccessMode.Write, null);
        yield return ("impersonation", CypherStatement.Of("RETURN 1"), AccessMode.Read, new Neo4jRunOptions { ImpersonatedUser = "reporting-jörg" });
        yield return ("server-side timeout", CypherStatement.Of("RETURN 1"), AccessMode.Write, new Neo4jRunOptions { Timeout = TimeSpan.FromSeconds(90) });
        yield return ("every option", CypherStatement.Of("RETURN 1"), AccessMode.Write, new Neo4jRunOptions
        {
            Bookmarks = ["FB:kcwQ3"], ImpersonatedUser = "ada", Timeout = TimeSpan.FromMinutes(2),
        });
    }
}
