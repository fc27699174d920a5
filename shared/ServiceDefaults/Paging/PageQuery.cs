using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace Tripmate.ServiceDefaults.Paging;

/// <summary>
/// The one paging input of the project: <c>?cursor=&amp;limit=</c>. Bind with <c>[AsParameters]</c>;
/// a limit outside 1..100 is a 400 through the same validation as every other field.
/// </summary>
public sealed record PageQuery
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>Opaque; taken from the previous page's <c>nextCursor</c>.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    [FromQuery(Name = "limit"), Range(1, MaxLimit)]
    public int? Limit { get; init; }

    public int Size => Limit ?? DefaultLimit;

    /// <summary>The position the caller's page starts after (null: the first page); a cursor of another list is a 400.</summary>
    /// <param name="scope">What the list belongs to, when several lists share a position type (e.g. a conversation's messages).</param>
    public TPosition? After<TPosition>(string? scope = null, Func<TPosition, bool>? isValid = null) where TPosition : class =>
        PageCursor.Decode(Cursor, scope, isValid);
}
