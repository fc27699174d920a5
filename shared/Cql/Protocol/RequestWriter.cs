namespace Tripmate.Cql.Protocol;

/// <summary>Writes the request messages of spec section 4.1, one complete frame per call.</summary>
internal static class RequestWriter
{
    public const string CqlVersion = "3.0.0";

    public static void WriteStartup(FrameBuilder frame, short streamId, IReadOnlyList<KeyValuePair<string, string>> options)
    {
        frame.Start(Opcode.Startup, streamId);
        frame.WriteStringMap(options);
        frame.Finish();
    }

    public static void WriteOptions(FrameBuilder frame, short streamId)
    {
        frame.Start(Opcode.Options, streamId);
        frame.Finish();
    }

    public static void WriteAuthResponse(FrameBuilder frame, short streamId, ReadOnlySpan<byte> token)
    {
        frame.Start(Opcode.AuthResponse, streamId);
        frame.WriteBytes(token);
        frame.Finish();
    }

    public static void WritePrepare(FrameBuilder frame, short streamId, string cql)
    {
        frame.Start(Opcode.Prepare, streamId);
        frame.WriteLongString(cql);
        frame.Finish();
    }

    public static void WriteQuery(FrameBuilder frame, short streamId, string cql, IReadOnlyList<object?>? values, in QueryParameters parameters)
    {
        frame.Start(Opcode.Query, streamId, HeaderFlags(parameters));
        frame.WriteLongString(cql);
        WriteQueryParameters(frame, values, null, parameters);
        frame.Finish();
    }

    public static void WriteExecute(FrameBuilder frame, short streamId, ReadOnlySpan<byte> preparedId, IReadOnlyList<object?>? values, IReadOnlyList<CqlColumn>? variables, in QueryParameters parameters)
    {
        frame.Start(Opcode.Execute, streamId, HeaderFlags(parameters));
        frame.WriteShortBytes(preparedId);
        WriteQueryParameters(frame, values, variables, parameters);
        frame.Finish();
    }

    public static void WriteBatch(FrameBuilder frame, short streamId, CqlBatch batch, in QueryParameters parameters)
    {
        if (batch.Entries.Count == 0) throw new ArgumentException("A batch needs at least one statement.", nameof(batch));
        frame.Start(Opcode.Batch, streamId, HeaderFlags(parameters));
        frame.WriteByte((byte)batch.Type);
        frame.WriteShort((ushort)batch.Entries.Count);
        foreach (var entry in batch.Entries)
        {
            if (entry.Prepared is { } prepared)
            {
                frame.WriteByte(1);
                frame.WriteShortBytes(prepared.Id.Span);
            }
            else
            {
                frame.WriteByte(0);
                frame.WriteLongString(entry.Cql!);
            }
            frame.WriteShort((ushort)entry.Values.Count);
            for (var i = 0; i < entry.Values.Count; i++)
                ValueEncoder.WriteValue(frame, entry.Values[i], VariableType(entry.Prepared?.Variables, i));
        }
        frame.WriteShort((ushort)parameters.Consistency);
        var flags = QueryFlags.None;
        if (parameters.SerialConsistency is not null) flags |= QueryFlags.WithSerialConsistency;
        if (parameters.TimestampMicros is not null) flags |= QueryFlags.WithDefaultTimestamp;
        frame.WriteByte((byte)flags);
        if (parameters.SerialConsistency is { } serial) frame.WriteShort((ushort)serial);
        if (parameters.TimestampMicros is { } timestamp) frame.WriteLong(timestamp);
        frame.Finish();
    }

    private static FrameFlags HeaderFlags(in QueryParameters parameters) =>
        parameters.Tracing ? FrameFlags.Tracing : FrameFlags.None;

    private static void WriteQueryParameters(FrameBuilder frame, IReadOnlyList<object?>? values, IReadOnlyList<CqlColumn>? variables, in QueryParameters parameters)
    {
        var hasValues = values is { Count: > 0 };
        var names = parameters.ValueNames;
        if (hasValues && names is not null && names.Count != values!.Count)
            throw new ArgumentException($"{names.Count} value names given for {values.Count} values.");

        var flags = QueryFlags.None;
        if (hasValues) flags |= QueryFlags.Values;
        if (parameters.SkipMetadata) flags |= QueryFlags.SkipMetadata;
        if (parameters.PageSize > 0) flags |= QueryFlags.PageSize;
        if (parameters.PagingState is not null) flags |= QueryFlags.WithPagingState;
        if (parameters.SerialConsistency is not null) flags |= QueryFlags.WithSerialConsistency;
        if (parameters.TimestampMicros is not null) flags |= QueryFlags.WithDefaultTimestamp;
        if (hasValues && names is not null) flags |= QueryFlags.WithNamesForValues;

        frame.WriteShort((ushort)parameters.Consistency);
        frame.WriteByte((byte)flags);
        if (hasValues)
        {
            if (values!.Count > ushort.MaxValue) throw new ArgumentException("At most 65535 bind values are allowed.");
            frame.WriteShort((ushort)values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                if (names is not null) frame.WriteString(names[i]);
                ValueEncoder.WriteValue(frame, values[i], VariableType(variables, i));
            }
        }
        if (parameters.PageSize > 0) frame.WriteInt(parameters.PageSize);
        if (parameters.PagingState is { } pagingState) frame.WriteBytes(pagingState);
        if (parameters.SerialConsistency is { } serial) frame.WriteShort((ushort)serial);
        if (parameters.TimestampMicros is { } timestamp) frame.WriteLong(timestamp);
    }

    private static CqlType? VariableType(IReadOnlyList<CqlColumn>? variables, int index)
    {
        if (variables is null) return null;
        if (index >= variables.Count) throw new ArgumentException($"The statement has {variables.Count} bind markers; value {index + 1} is one too many.");
        return variables[index].Type;
    }
}
