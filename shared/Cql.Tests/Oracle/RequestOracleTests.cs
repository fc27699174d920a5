using Tripmate.Cql.Protocol;

namespace Tripmate.Cql.Tests.Oracle;

/// <summary>Acceptance 1: our request bytes equal the official Node driver's, case by case.</summary>
public sealed class RequestOracleTests(RequestOracleFixture oracle) : IClassFixture<RequestOracleFixture>
{
    public static TheoryData<string> CaseNames => new(RequestCases.All().Select(c => c.Name));

    [Fact]
    public void Oracle_is_the_pinned_driver_version()
    {
        Assert.Equal("4.10.0", oracle.DriverVersion);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Request_bytes_equal_the_node_drivers(string caseName)
    {
        var requestCase = oracle.Cases[caseName];
        var mismatch = RequestComparison.Mismatch(requestCase, requestCase.EncodeOurs(), oracle.DriverResults[caseName]);
        Assert.True(mismatch is null, mismatch);
    }

    [Fact]
    public void Table_covers_every_request_kind_and_every_query_flag_the_driver_writes()
    {
        var cases = RequestCases.All();
        Assert.Equal(["authResponse", "batch", "execute", "options", "prepare", "query", "startup"], cases.Select(c => c.Op).Distinct().Order());
        var queryFlags = cases.Where(c => c.Op is "query" or "execute")
            .Select(c => (QueryFlags)c.EncodeOurs()[c.QueryFlagsOffset])
            .Aggregate(QueryFlags.None, (all, flags) => all | flags);
        // Skip_metadata (0x02) is absent: the Node driver never writes it, so it is pinned by a spec test instead.
        Assert.Equal(QueryFlags.Values | QueryFlags.PageSize | QueryFlags.WithPagingState | QueryFlags.WithSerialConsistency
                     | QueryFlags.WithDefaultTimestamp | QueryFlags.WithNamesForValues, queryFlags);
        var types = cases.SelectMany(c => c.Values.Concat(c.Entries.SelectMany(e => e.Values))).Select(v => v.Type.Split('<')[0]).ToHashSet();
        Assert.Superset(new HashSet<string> { "ascii", "text", "int", "bigint", "boolean", "double", "timestamp", "uuid", "timeuuid", "blob", "list", "set", "map" }, types);
        Assert.Contains(cases, c => c.Values.Any(v => v.Clr is null));
        Assert.Contains(cases, c => c.Values.Any(v => v.Clr is CqlUnset));
        Assert.Equal([BatchType.Logged, BatchType.Unlogged, BatchType.Counter], cases.Where(c => c.Op == "batch").Select(c => c.BatchType).Distinct());
    }
}
