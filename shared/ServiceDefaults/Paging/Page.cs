namespace Tripmate.ServiceDefaults.Paging;

/// <summary>The one paging answer of the project. <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public static class Page
{
    /// <summary>
    /// Builds a page from a query that fetched one row more than asked: that extra row only tells
    /// whether another page exists, and the cursor (of <paramref name="list"/>) points after the last row returned.
    /// </summary>
    public static Page<TItem> FromOverfetch<TRow, TItem, TKey>(
        IReadOnlyList<TRow> rows, int size, string list, Func<TRow, TKey> keyOf, Func<TRow, TItem> toItem)
    {
        var hasMore = rows.Count > size;
        var pageRows = hasMore ? rows.Take(size).ToList() : rows;
        var items = pageRows.Select(toItem).ToList();
        var next = hasMore ? PageCursor.Encode(list, keyOf(pageRows[^1])) : null;
        return new Page<TItem>(items, next);
    }
}
