using System.Collections;

namespace Tripmate.Cql;

/// <summary>
/// The outcome of a statement: the rows of one page for SELECT, otherwise empty with the result
/// kind and its details. Values: text as string, int as int, bigint as long, timestamp as
/// DateTimeOffset, uuid/timeuuid as Guid, blob as byte[], list/set as List&lt;object?&gt;,
/// map as Dictionary&lt;object, object?&gt;, null as null.
/// </summary>
public sealed class RowSet : IReadOnlyList<Row>
{
    private static readonly ColumnIndex NoColumns = new([]);
    private readonly IReadOnlyList<Row> _rows;

    internal RowSet(ResultKind kind, ColumnIndex? columns, IReadOnlyList<Row> rows, byte[]? pagingState)
    {
        Kind = kind;
        ColumnIndex = columns ?? NoColumns;
        _rows = rows;
        PagingState = pagingState;
    }

    internal static RowSet Empty(ResultKind kind) => new(kind, null, [], null);

    internal ColumnIndex ColumnIndex { get; }

    public ResultKind Kind { get; }

    public IReadOnlyList<CqlColumn> Columns => ColumnIndex.Columns;

    /// <summary>Pass back in <see cref="QueryOptions.PagingState"/> to fetch the next page; null on the last page.</summary>
    public byte[]? PagingState { get; }

    public bool HasMorePages => PagingState is not null;

    /// <summary>The keyspace now in use, for a USE statement.</summary>
    public string? Keyspace { get; internal init; }

    public SchemaChange? SchemaChange { get; internal init; }

    public IReadOnlyList<string> Warnings { get; internal set; } = [];

    public Guid? TracingId { get; internal set; }

    public int Count => _rows.Count;

    public Row this[int index] => _rows[index];

    public IEnumerator<Row> GetEnumerator() => _rows.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
