namespace Tripmate.ServiceDefaults.Paging;

/// <summary>
/// What a store answers for one page: the items, and the position the next page starts after
/// (null on the last page). Positions are the store's own typed keys, never HTTP cursors: the
/// endpoint turns them into <see cref="Page{T}"/> with <see cref="Page.From"/>.
/// </summary>
public sealed record Slice<TItem, TPosition>(IReadOnlyList<TItem> Items, TPosition? Next)
    where TPosition : class;

public static class Slice
{
    /// <summary>
    /// A slice from a query that fetched one row more than asked: that extra row only tells whether
    /// another page exists, and the next page starts after the last row kept.
    /// </summary>
    public static Slice<TRow, TPosition> FromOverfetch<TRow, TPosition>(IReadOnlyList<TRow> rows, int size, Func<TRow, TPosition> positionOf)
        where TPosition : class
    {
        if (rows.Count <= size)
        {
            return new Slice<TRow, TPosition>(rows, null);
        }

        var kept = rows.Take(size).ToList();
        return new Slice<TRow, TPosition>(kept, positionOf(kept[^1]));
    }
}
