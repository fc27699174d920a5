namespace Tripmate.Cql.Protocol;

/// <summary>Reads a Rows result body (spec section 4.2.5.2) into a <see cref="RowSet"/>.</summary>
internal static class RowsReader
{
    public static RowSet Read(ref ProtocolReader reader, IReadOnlyList<CqlColumn>? knownColumns)
    {
        var metadata = MetadataReader.ReadRowsMetadata(ref reader);
        var columns = metadata.Columns ?? knownColumns
            ?? throw new CqlResponseFormatException("Rows arrived without metadata and none is known for this statement.");
        if (columns.Count != metadata.ColumnCount)
            throw new CqlResponseFormatException($"Rows have {metadata.ColumnCount} columns but {columns.Count} are known.");

        var rowCount = reader.ReadInt();
        if (rowCount < 0) throw new CqlResponseFormatException($"Negative row count {rowCount}.");
        var index = new ColumnIndex(columns);
        // Every cell takes at least its 4-byte length, which bounds a hostile row count.
        var rows = new Row[Math.Min(rowCount, columns.Count == 0 ? rowCount : reader.Remaining / (4 * columns.Count))];
        if (rows.Length != rowCount) throw new CqlResponseFormatException($"{rowCount} rows announced but the body is too short.");
        for (var r = 0; r < rowCount; r++)
        {
            var values = new object?[columns.Count];
            for (var c = 0; c < values.Length; c++)
                values[c] = reader.TryReadBytes(out var cell) ? ValueDecoder.Decode(cell, columns[c].Type) : null;
            rows[r] = new Row(values, index);
        }
        return new RowSet(ResultKind.Rows, index, rows, metadata.PagingState);
    }
}
