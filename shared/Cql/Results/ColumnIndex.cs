namespace Tripmate.Cql;

/// <summary>Column name lookup shared by all rows of a result, so rows stay plain arrays.</summary>
internal sealed class ColumnIndex
{
    private readonly Dictionary<string, int> _byName;

    public ColumnIndex(IReadOnlyList<CqlColumn> columns)
    {
        Columns = columns;
        _byName = new Dictionary<string, int>(columns.Count, StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++) _byName.TryAdd(columns[i].Name, i);
    }

    public IReadOnlyList<CqlColumn> Columns { get; }

    public int IndexOf(string name) =>
        _byName.TryGetValue(name, out var index) ? index : throw new KeyNotFoundException($"No column named '{name}'.");
}
