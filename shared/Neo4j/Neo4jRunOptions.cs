using Tripmate.Neo4j.Json;

namespace Tripmate.Neo4j;

/// <summary>
/// What a run or a transaction may ask of the server besides its statements (all optional):
/// bookmarks to wait for, a user to run as, and a time limit the server enforces.
/// </summary>
public sealed record Neo4jRunOptions
{
    /// <summary>
    /// Bookmarks of writes made elsewhere (another client, another service's answer) that this run
    /// must see; sent with the client's own (<see cref="Neo4jClient.LastBookmarks"/>).
    /// </summary>
    public IReadOnlyList<string> Bookmarks { get; init; } = [];

    /// <summary>Runs in this user's security context (the signed-in user needs the IMPERSONATE privilege).</summary>
    public string? ImpersonatedUser { get; init; }

    /// <summary>
    /// The server ends the transaction after this long (<c>maxExecutionTime</c>, whole seconds as the
    /// server reads them; anything else is refused rather than rounded).
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The timeout in the server's unit, checked.</summary>
    internal long? TimeoutSeconds => Timeout switch
    {
        null => null,
        { } t when t.Ticks > 0 && t.Ticks % TimeSpan.TicksPerSecond == 0 => t.Ticks / TimeSpan.TicksPerSecond,
        { } t => throw new ArgumentException($"A server-side timeout is a positive whole number of seconds (the server's unit), not {t}."),
    };

    internal string? CheckedImpersonatedUser => ImpersonatedUser is null ? null : Utf16.Checked(ImpersonatedUser, "The impersonated user");
}
