namespace Tripmate.Load.Http;

/// <summary>Walks a paged list of the API (<c>?cursor=&amp;limit=</c> answering <c>{items, nextCursor}</c>) page by page.</summary>
public static class Pages
{
    /// <summary>
    /// The first item of the list at <paramref name="path"/> (a path with its query, without
    /// cursor or limit) that <paramref name="match"/> accepts, reading pages of 100 until the last;
    /// null when none does. A 429 throws <see cref="RateLimited"/>, any other failure names the list.
    /// </summary>
    public static async Task<T?> FindAsync<T>(HttpClient gateway, string path, string token, Func<T, bool> match, CancellationToken ct)
        where T : class
    {
        var separator = path.Contains('?') ? '&' : '?';
        string? cursor = null;
        do
        {
            var page = $"{path}{separator}limit=100{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}";
            var (outcome, items) = await gateway.SendForJsonAsync<PageDto<T>>(LoadHttp.Request(HttpMethod.Get, page, token), ct);
            RateLimited.ThrowIf(outcome.Status);
            if (items is null)
            {
                throw new InvalidOperationException($"Listing {path} answered {outcome.Status}.");
            }

            if (items.Items.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            cursor = items.NextCursor;
        }
        while (cursor is not null);

        return null;
    }
}
