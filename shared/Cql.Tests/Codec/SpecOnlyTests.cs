using System.Buffers;
using Tripmate.Cql.Connections;
using Tripmate.Cql.Protocol;
using Tripmate.Cql.Tests.Oracle;

namespace Tripmate.Cql.Tests.Codec;

/// <summary>Protocol details the Node driver cannot check (it never writes or reads them), pinned to the spec text.</summary>
public sealed class SpecOnlyTests
{
    [Fact]
    public void Skip_metadata_sets_query_flag_0x02_and_nothing_else()
    {
        using var frame = new FrameBuilder();
        RequestWriter.WriteExecute(frame, 0, [0x01], null, null, new QueryParameters(Consistency.One, SkipMetadata: true));

        // header(9) + [short bytes] id (3) + consistency (2), then the flags byte, and nothing after it.
        Assert.Equal("040000000A000000060001010001" + "02", Convert.ToHexString(frame.Written.Span));
    }

    [Fact]
    public void Rows_sent_without_metadata_are_decoded_with_the_known_columns()
    {
        var frame = new SpecFrameWriter().Int(2).Int(0x0004).Int(2).Int(1).Cell("int", 9).Cell("varchar", "x").Frame(0x08);
        CqlColumn[] known = [new("ks", "t", "a", CqlType.Int), new("ks", "t", "b", CqlType.Varchar)];

        var message = (ResultMessage)ResponseReader.Read(FrameHeader.Read(frame), frame.AsSpan(9), known);

        Assert.Equal((9, "x"), (message.RowSet.Single().Get<int>("a"), message.RowSet.Single().Get<string>("b")));
    }

    [Fact]
    public void Rows_without_metadata_and_no_known_columns_are_a_format_error()
    {
        var frame = new SpecFrameWriter().Int(2).Int(0x0004).Int(1).Int(0).Frame(0x08);

        Assert.Throws<CqlResponseFormatException>(() => ResponseReader.Read(FrameHeader.Read(frame), frame.AsSpan(9)));
    }

    [Fact]
    public void Prepared_result_metadata_is_kept_for_the_statement()
    {
        var frame = new SpecFrameWriter().Int(4).ShortBytes([7]).Int(0).Int(0).Int(0)
            .Int(0x0001).Int(2).String("ks").String("t").String("a").Option("list<uuid>").String("b").Option("map<varchar,int>").Frame(0x08);

        var prepared = (PreparedMessage)ResponseReader.Read(FrameHeader.Read(frame), frame.AsSpan(9));

        Assert.Equal(["list<uuid>", "map<varchar,int>"], prepared.ResultColumns.Select(c => c.Type.ToString()));
    }

    [Fact]
    public void Auth_success_keeps_the_server_token()
    {
        var frame = new SpecFrameWriter().Bytes([1, 2]).Frame(0x10);

        var message = (AuthSuccessMessage)ResponseReader.Read(FrameHeader.Read(frame), frame.AsSpan(9));

        Assert.Equal([1, 2], message.Token);
    }

    [Fact]
    public void Truncated_body_is_a_format_error_not_an_index_exception()
    {
        var frame = new SpecFrameWriter().Int(2).Int(1).Int(1).String("ks").String("t").String("n").Option("int").Int(5).Cell("int", 1).Frame(0x08);

        Assert.Throws<CqlResponseFormatException>(() => ResponseReader.Read(FrameHeader.Read(frame), frame.AsSpan(9)));
    }

    [Fact]
    public void Types_the_client_does_not_model_come_back_as_raw_bytes()
    {
        var frame = new SpecFrameWriter().Int(2).Int(1).Int(1).String("ks").String("t").String("f").Short(0x0008).Int(1).Bytes([0x3F, 0x80, 0, 0]).Frame(0x08);

        var rows = ((ResultMessage)ResponseReader.Read(FrameHeader.Read(frame), frame.AsSpan(9))).RowSet;

        Assert.Equal([0x3F, 0x80, 0, 0], rows.Single().Get<byte[]>("f"));
    }

    [Fact]
    public void Frames_split_across_buffer_segments_are_reassembled()
    {
        var frame = new SpecFrameWriter().Int(3).String("keyspace_split_across_segments").Frame(0x08);
        var sequence = Segments.Of(frame[..4], frame[4..12], frame[12..]);
        var splitter = new FrameSplitter(1024);

        Assert.True(splitter.TryRead(ref sequence, out var split));
        var message = (ResultMessage)ResponseReader.Read(split.Header, split.Body);
        Assert.Equal("keyspace_split_across_segments", message.RowSet.Keyspace);
        Assert.Equal(0, sequence.Length);
    }

    [Fact]
    public void Partial_frames_wait_for_more_bytes()
    {
        var frame = new SpecFrameWriter().Int(1).Frame(0x08);
        var partial = new ReadOnlySequence<byte>(frame[..^1]);

        Assert.False(new FrameSplitter(1024).TryRead(ref partial, out _));
    }

    [Fact]
    public void A_request_frame_version_in_a_response_is_rejected()
    {
        var sequence = new ReadOnlySequence<byte>(new SpecFrameWriter().Int(1).Frame(0x08, version: 0x04));

        Assert.Throws<CqlResponseFormatException>(() => new FrameSplitter(1024).TryRead(ref sequence, out _));
    }

    [Theory]
    [InlineData("list<int>")]
    [InlineData("map<text, frozen<list<uuid>>>")]
    [InlineData("set<timeuuid>")]
    public void Cql_type_syntax_parses(string text)
    {
        var type = CqlType.Parse(text);

        Assert.Equal(text.Replace(" ", "").Replace("frozen<list<uuid>>", "list<uuid>").Replace("text", "varchar"), type.ToString());
    }

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1", 9042)]
    [InlineData("db.local:9100", "db.local", 9100)]
    [InlineData("[::1]:9200", "::1", 9200)]
    [InlineData("fe80::1", "fe80::1", 9042)]
    public void Contact_points_may_name_their_port(string text, string host, int port)
    {
        Assert.Equal(new ContactPoint(host, port), ContactPoint.Parse(text, 9042));
    }

    [Fact]
    public void Collections_cannot_hold_null_elements()
    {
        using var frame = new FrameBuilder();

        Assert.Throws<ArgumentException>(() => ValueEncoder.WriteValue(frame, new List<object?> { 1, null }, null));
    }

    [Fact]
    public void Ascii_rejects_non_ascii_text()
    {
        using var frame = new FrameBuilder();

        Assert.Throws<ArgumentException>(() => ValueEncoder.WriteValue(frame, new TypedValue("é", CqlType.Ascii), null));
    }

    private sealed class Segments : ReadOnlySequenceSegment<byte>
    {
        private Segments(byte[] data, long runningIndex)
        {
            Memory = data;
            RunningIndex = runningIndex;
        }

        public static ReadOnlySequence<byte> Of(params byte[][] parts)
        {
            var first = new Segments(parts[0], 0);
            var last = first;
            foreach (var part in parts.Skip(1))
            {
                var next = new Segments(part, last.RunningIndex + last.Memory.Length);
                last.Next = next;
                last = next;
            }
            return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }
    }
}
