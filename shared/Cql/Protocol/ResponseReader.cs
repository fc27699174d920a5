namespace Tripmate.Cql.Protocol;

/// <summary>
/// Decodes a response frame body (spec section 4.2). Reads only what the spec defines, so bytes a
/// newer server appends at the end of a body are ignored, as spec section 1 asks.
/// </summary>
internal static class ResponseReader
{
    /// <param name="knownResultColumns">Columns to use when a Rows result was sent without metadata.</param>
    public static ResponseMessage Read(in FrameHeader header, ReadOnlySpan<byte> body, IReadOnlyList<CqlColumn>? knownResultColumns = null)
    {
        if ((header.Flags & FrameFlags.Compression) != 0)
            throw new CqlResponseFormatException("Received a compressed frame although no compression was negotiated.");
        var reader = new ProtocolReader(body);
        Guid? tracingId = (header.Flags & FrameFlags.Tracing) != 0 ? reader.ReadUuid() : null;
        var warnings = (header.Flags & FrameFlags.Warning) != 0 ? reader.ReadStringList() : [];
        if ((header.Flags & FrameFlags.CustomPayload) != 0) SkipBytesMap(ref reader);

        ResponseMessage message = header.Opcode switch
        {
            Opcode.Ready => new ReadyMessage(),
            Opcode.Authenticate => new AuthenticateMessage(reader.ReadString()),
            Opcode.AuthChallenge => new AuthChallengeMessage(reader.ReadBytesOrNull()),
            Opcode.AuthSuccess => new AuthSuccessMessage(reader.ReadBytesOrNull()),
            Opcode.Supported => new SupportedMessage(reader.ReadStringMultimap()),
            Opcode.Error => new ErrorMessage(ErrorReader.Read(ref reader)),
            Opcode.Event => new EventMessage(reader.ReadString()),
            Opcode.Result => ReadResult(ref reader, knownResultColumns),
            _ => throw new CqlResponseFormatException($"Unexpected response opcode 0x{(byte)header.Opcode:X2}."),
        };
        if (message is ResultMessage result)
        {
            result.RowSet.Warnings = warnings;
            result.RowSet.TracingId = tracingId;
        }
        return message with { TracingId = tracingId, Warnings = warnings };
    }

    private static ResponseMessage ReadResult(ref ProtocolReader reader, IReadOnlyList<CqlColumn>? knownResultColumns)
    {
        var kind = (ResultKind)reader.ReadInt();
        switch (kind)
        {
            case ResultKind.Void:
                return new ResultMessage(RowSet.Empty(kind));
            case ResultKind.Rows:
                return new ResultMessage(RowsReader.Read(ref reader, knownResultColumns));
            case ResultKind.SetKeyspace:
                return new ResultMessage(new RowSet(kind, null, [], null) { Keyspace = reader.ReadString() });
            case ResultKind.Prepared:
                var id = reader.ReadShortBytes().ToArray();
                var (variables, pkIndexes) = MetadataReader.ReadPreparedMetadata(ref reader);
                var resultMetadata = MetadataReader.ReadRowsMetadata(ref reader);
                return new PreparedMessage(id, variables, pkIndexes, resultMetadata.Columns ?? []);
            case ResultKind.SchemaChange:
                return new ResultMessage(new RowSet(kind, null, [], null) { SchemaChange = ReadSchemaChange(ref reader) });
            default:
                throw new CqlResponseFormatException($"Unknown result kind {(int)kind}.");
        }
    }

    private static SchemaChange ReadSchemaChange(ref ProtocolReader reader)
    {
        var changeType = reader.ReadString();
        var target = reader.ReadString();
        var keyspace = reader.ReadString();
        return target switch
        {
            "KEYSPACE" => new SchemaChange(changeType, target, keyspace, "", []),
            "FUNCTION" or "AGGREGATE" => new SchemaChange(changeType, target, keyspace, reader.ReadString(), reader.ReadStringList()),
            _ => new SchemaChange(changeType, target, keyspace, reader.ReadString(), []),
        };
    }

    private static void SkipBytesMap(ref ProtocolReader reader)
    {
        var count = reader.ReadShort();
        for (var i = 0; i < count; i++)
        {
            reader.ReadString();
            reader.TryReadBytes(out _);
        }
    }
}
