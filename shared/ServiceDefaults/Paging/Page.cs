namespace Tripmate.ServiceDefaults.Paging;

/// <summary>The one paging answer of the project. <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public static class Page
{
    /// <summary>The answer for a store's slice: items converted, the next position encoded as the opaque cursor.</summary>
    /// <param name="scope">As given to <see cref="PageQuery.After{TPosition}"/> for this list.</param>
    public static Page<TItem> From<TRow, TItem, TPosition>(Slice<TRow, TPosition> slice, Func<TRow, TItem> toItem, string? scope = null)
        where TPosition : class =>
        new([.. slice.Items.Select(toItem)], slice.Next is { } next ? PageCursor.Encode(next, scope) : null);
}
