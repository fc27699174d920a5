using Tripmate.Neo4j.Errors;
using Tripmate.Neo4j.Values;

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

    /// <summary>
    /// The value as <typeparamref name="T"/>: as it is, or by an exact conversion (a temporal value
    /// to .NET's type, a long to int or double); a conversion that would lose anything throws.
    /// </summary>
    internal static T Convert<T>(object? value, string field)
    {
        try
        {
            return value switch
            {
                T typed => typed,
                null when default(T) is null => default!,
                string text when typeof(T) == typeof(Guid) || typeof(T) == typeof(Guid?) => (T)(object)Guid.Parse(text),
                long number when typeof(T) == typeof(int) => (T)(object)checked((int)number),
                long number when typeof(T) == typeof(double) => (T)(object)(double)number,
                Neo4jDate date when Is<T, DateOnly>() => (T)(object)date.ToDateOnly(),
                Neo4jLocalTime time when Is<T, TimeOnly>() => (T)(object)time.ToTimeOnly(),
                Neo4jLocalDateTime local when Is<T, DateTime>() => (T)(object)local.ToDateTime(),
                Neo4jDateTime instant when Is<T, DateTimeOffset>() => (T)(object)instant.ToDateTimeOffset(),
                _ => throw new Neo4jProtocolException($"Column '{field}' holds {value?.GetType().Name ?? "null"}, not {typeof(T).Name}."),
            };
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException)
        {
            throw new InvalidCastException($"Column '{field}': {e.Message}", e);
        }
    }

    private static bool Is<T, TTarget>() where TTarget : struct => typeof(T) == typeof(TTarget) || typeof(T) == typeof(TTarget?);

    /// <summary>One row, read by column name.</summary>
    public readonly struct Row(QueryResult result, IReadOnlyList<object?> values)
    {
        public T Get<T>(string field) => Convert<T>(values[result.IndexOf(field)], field);
    }
}
