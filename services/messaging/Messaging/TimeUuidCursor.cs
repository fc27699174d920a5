using Tripmate.Messaging.Store;
using Tripmate.ServiceDefaults.Errors;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Messaging;

/// <summary>
/// The cursor of a list ordered by time-based ids (messages, notifications): the last id served,
/// through <see cref="PageCursor"/>. Any other GUID is refused here, not deep in a store that
/// derives a time bucket from it.
/// </summary>
internal static class TimeUuidCursor
{
    /// <param name="list">The list the cursor must come from (a cursor of another list is a 400).</param>
    /// <param name="parameter">The query parameter the cursor came in, so the 400 names it.</param>
    public static Guid? Decode(string list, string? cursor, string parameter)
    {
        Guid? position;
        try
        {
            position = PageCursor.Decode<Guid?>(list, cursor);
        }
        catch (RequestValidationException)
        {
            throw Invalid(parameter);
        }

        return position is not { } id || TimeUuid.IsTimeUuid(id) ? position : throw Invalid(parameter);
    }

    public static Page<TItem> ToPage<TRow, TItem>(string list, IReadOnlyList<TRow> rows, Guid? next, Func<TRow, TItem> toItem) =>
        new([.. rows.Select(toItem)], next is { } position ? PageCursor.Encode(list, position) : null);

    private static RequestValidationException Invalid(string parameter) =>
        new(parameter, "The cursor is not valid. Pass back the nextCursor of a previous page unchanged.");
}
