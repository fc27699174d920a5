namespace Tripmate.Cql;

/// <summary>One row; values are decoded as described on <see cref="RowSet"/>.</summary>
public sealed class Row
{
    private readonly object?[] _values;
    private readonly ColumnIndex _columns;

    internal Row(object?[] values, ColumnIndex columns)
    {
        _values = values;
        _columns = columns;
    }

    public int Count => _values.Length;

    public object? this[int index] => _values[index];

    public object? this[string column] => _values[_columns.IndexOf(column)];

    public bool IsNull(string column) => this[column] is null;

    /// <summary>The value cast to <typeparamref name="T"/>; null yields default, so ask for int? and the like on nullable columns.</summary>
    public T? Get<T>(string column) => _values[_columns.IndexOf(column)] is { } value ? (T)value : default;

    public T? Get<T>(int index) => _values[index] is { } value ? (T)value : default;

    public IReadOnlyList<T> GetList<T>(string column) =>
        this[column] is List<object?> items ? items.Select(item => (T)item!).ToList() : [];

    public IReadOnlyDictionary<TKey, TValue?> GetMap<TKey, TValue>(string column) where TKey : notnull =>
        this[column] is Dictionary<object, object?> map
            ? map.ToDictionary(entry => (TKey)entry.Key, entry => entry.Value is null ? default : (TValue)entry.Value)
            : new Dictionary<TKey, TValue?>();
}
