namespace Tripmate.Cql.Tests.Oracle;

/// <summary>A test of the test: the comparison must notice any single changed byte in what we write.</summary>
public sealed class OracleSelfCheckTests(RequestOracleFixture oracle) : IClassFixture<RequestOracleFixture>
{
    [Fact]
    public void Flipping_any_single_byte_of_our_request_makes_the_oracle_comparison_fail()
    {
        var undetected = new List<string>();
        var checkedBytes = 0;
        foreach (var (name, requestCase) in oracle.Cases)
        {
            var ours = requestCase.EncodeOurs();
            Assert.Null(RequestComparison.Mismatch(requestCase, ours, oracle.DriverResults[name]));
            for (var i = 0; i < ours.Length; i++)
            {
                var mutated = (byte[])ours.Clone();
                mutated[i] ^= 0x01;
                checkedBytes++;
                if (RequestComparison.Mismatch(requestCase, mutated, oracle.DriverResults[name]) is null) undetected.Add($"{name} @ {i}");
            }
        }
        Assert.True(checkedBytes > 1000, $"only {checkedBytes} bytes were mutated");
        Assert.Empty(undetected);
    }

    [Fact]
    public void Dropping_the_last_byte_of_our_request_makes_the_oracle_comparison_fail()
    {
        foreach (var (name, requestCase) in oracle.Cases)
        {
            var ours = requestCase.EncodeOurs();
            Assert.NotNull(RequestComparison.Mismatch(requestCase, ours[..^1], oracle.DriverResults[name]));
        }
    }
}
