using Tripmate.Neo4j.Errors;

namespace Tripmate.Neo4j;

/// <summary>One statement's answer: its columns, its rows (values in column order), the bookmarks of the state it saw or made, and its counters.</summary>
public sealed record QueryResult(
    IReadOnlyList<string> Fields,
    IReadOnlyList<IReadOnlyList<object?>> Rows,
    IReadOnlyList<string> Bookmarks,
    IReadOnlyDictionary<string, object?>? Counters)
{
    /// <summary>The value of column <paramref name="field"/> in row <paramref name="row"/>, converted to <typeparamref name="T"/>.</summary>
    public T Get<T>(int row, string field)
    {
        var column = IndexOf(field);
        return Convert<T>(Rows[row][column], field);
    }

    /// <summary>Each row as <typeparamref name="T"/> made by <paramref name="map"/>.</summary>
    public IReadOnlyList<T> Select<T>(Func<Row, T> map) => [.. Rows.Select(values => map(new Row(this, values)))];

    /// <summary>A counter (e.g. <c>relationshipsCreated</c>), 0 when counters were not returned.</summary>
    public long Counter(string name) => Counters?.GetValueOrDefault(name) is long n ? n : 0;

    private int IndexOf(string field)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i] == field)
            {
                return i;
            }
        }

        throw new Neo4jProtocolException($"The result has no column '{field}' (it has {string.Join(", ", Fields)}).");
    }

    internal static T Convert<T>(object? value, string field) => value switch
    {
        T typed => typed,
        null when default(T) is null => default!,
        string text when typeof(T) == typeof(Guid) || typeof(T) == typeof(Guid?) => (T)(object)Guid.Parse(text),
        long number when typeof(T) == typeof(int) => (T)(object)checked((int)number),
        long number when typeof(T) == typeof(double) => (T)(object)(double)number,
        _ => throw new Neo4jProtocolException($"Column '{field}' holds {value?.GetType().Name ?? "null"}, not {typeof(T).Name}."),
    };

    /// <summary>One row, read by column name.</summary>
    public readonly struct Row(QueryResult result, IReadOnlyList<object?> values)
    {
        public T Get<T>(string field) => Convert<T>(values[result.IndexOf(field)], field);
    }
}
