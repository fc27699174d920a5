namespace Tripmate.Cql.Protocol;

/// <summary>Reads &lt;metadata&gt; of Rows and Prepared results and the [option] type tree (spec 4.2.5.2, 4.2.5.4).</summary>
internal static class MetadataReader
{
    private const int GlobalTablesSpec = 0x0001;
    private const int HasMorePages = 0x0002;
    private const int NoMetadata = 0x0004;

    public readonly record struct RowsMetadata(IReadOnlyList<CqlColumn>? Columns, int ColumnCount, byte[]? PagingState);

    /// <summary>Columns is null when the server sent No_metadata (the caller must know them).</summary>
    public static RowsMetadata ReadRowsMetadata(ref ProtocolReader reader)
    {
        var flags = reader.ReadInt();
        var columnCount = reader.ReadInt();
        var pagingState = (flags & HasMorePages) != 0 ? reader.ReadBytesOrNull() : null;
        if ((flags & NoMetadata) != 0) return new RowsMetadata(null, columnCount, pagingState);
        return new RowsMetadata(ReadColumnSpecs(ref reader, flags, columnCount), columnCount, pagingState);
    }

    public static (IReadOnlyList<CqlColumn> Variables, IReadOnlyList<int> PartitionKeyIndexes) ReadPreparedMetadata(ref ProtocolReader reader)
    {
        var flags = reader.ReadInt();
        var columnCount = reader.ReadInt();
        var pkCount = reader.ReadInt();
        var pkIndexes = new int[pkCount];
        for (var i = 0; i < pkCount; i++) pkIndexes[i] = reader.ReadShort();
        return (ReadColumnSpecs(ref reader, flags, columnCount), pkIndexes);
    }

    private static CqlColumn[] ReadColumnSpecs(ref ProtocolReader reader, int flags, int columnCount)
    {
        if (columnCount < 0) throw new CqlResponseFormatException($"Negative column count {columnCount}.");
        string? globalKeyspace = null, globalTable = null;
        if ((flags & GlobalTablesSpec) != 0)
        {
            globalKeyspace = reader.ReadString();
            globalTable = reader.ReadString();
        }
        var columns = new CqlColumn[columnCount];
        for (var i = 0; i < columnCount; i++)
        {
            var keyspace = globalKeyspace ?? reader.ReadString();
            var table = globalTable ?? reader.ReadString();
            columns[i] = new CqlColumn(keyspace, table, reader.ReadString(), ReadType(ref reader));
        }
        return columns;
    }

    public static CqlType ReadType(ref ProtocolReader reader)
    {
        var code = (CqlTypeCode)reader.ReadShort();
        switch (code)
        {
            case CqlTypeCode.Custom:
                return CqlType.CustomOf(reader.ReadString());
            case CqlTypeCode.List:
                return CqlType.ListOf(ReadType(ref reader));
            case CqlTypeCode.Set:
                return CqlType.SetOf(ReadType(ref reader));
            case CqlTypeCode.Map:
                var key = ReadType(ref reader);
                return CqlType.MapOf(key, ReadType(ref reader));
            case CqlTypeCode.Udt:
                reader.ReadString();
                reader.ReadString();
                var fieldCount = reader.ReadShort();
                for (var i = 0; i < fieldCount; i++)
                {
                    reader.ReadString();
                    ReadType(ref reader);
                }
                return CqlType.Opaque(code);
            case CqlTypeCode.Tuple:
                var itemCount = reader.ReadShort();
                for (var i = 0; i < itemCount; i++) ReadType(ref reader);
                return CqlType.Opaque(code);
            default:
                return KnownType(code);
        }
    }

    private static CqlType KnownType(CqlTypeCode code) => code switch
    {
        CqlTypeCode.Ascii => CqlType.Ascii,
        CqlTypeCode.Bigint => CqlType.Bigint,
        CqlTypeCode.Blob => CqlType.Blob,
        CqlTypeCode.Boolean => CqlType.Boolean,
        CqlTypeCode.Counter => CqlType.Counter,
        CqlTypeCode.Double => CqlType.Double,
        CqlTypeCode.Int => CqlType.Int,
        CqlTypeCode.Timestamp => CqlType.Timestamp,
        CqlTypeCode.Uuid => CqlType.Uuid,
        CqlTypeCode.Varchar => CqlType.Varchar,
        CqlTypeCode.Timeuuid => CqlType.Timeuuid,
        _ => CqlType.Opaque(code),
    };
}
