using System.Text.Json.Nodes;
using Tripmate.Cql.Protocol;

namespace Tripmate.Cql.Tests.Oracle;

/// <summary>Acceptance 1, responses: our reader and the Node driver's reader decode spec-written frames to the same values.</summary>
public sealed class ResponseOracleTests(ResponseOracleFixture oracle) : IClassFixture<ResponseOracleFixture>
{
    public static TheoryData<string> CaseNames => new(ResponseCases.All().Select(c => c.Name));

    internal static JsonObject DecodeOurs(byte[] frame)
    {
        var header = FrameHeader.Read(frame);
        return ResponseDescription.Of(ResponseReader.Read(header, frame.AsSpan(FrameHeader.Size, header.BodyLength)));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Our_reader_decodes_the_same_values_as_the_node_drivers(string caseName)
    {
        var expected = oracle.DriverDescriptions[caseName];
        var ours = DecodeOurs(oracle.Cases[caseName].Frame);
        Assert.True(JsonNode.DeepEquals(expected, ours), $"driver: {expected?.ToJsonString()}\nours:   {ours.ToJsonString()}");
    }

    [Fact]
    public void Table_covers_every_error_code_of_section_9()
    {
        var codes = ResponseCases.All().Where(c => c.Frame[4] == 0x00)
            .Select(c => (CqlErrorCode)System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(c.Frame.AsSpan(9)))
            .ToHashSet();
        Assert.Equal(Enum.GetValues<CqlErrorCode>().ToHashSet(), codes);
    }

    [Fact]
    public void Changing_one_cell_byte_seen_by_our_reader_makes_the_comparison_fail()
    {
        const string caseName = "rows, per-column table spec, last page";
        var frame = (byte[])oracle.Cases[caseName].Frame.Clone();
        // The last cell is a map whose final byte is a list element's text: flip it for our reader only.
        frame[^1] ^= 0x01;
        Assert.False(JsonNode.DeepEquals(oracle.DriverDescriptions[caseName], DecodeOurs(frame)));
    }
}
