namespace Tripmate.Cql;

/// <summary>
/// What store code needs of a connected session: statements prepared once per text and run at the
/// store's consistency. Lets shared pieces (the outbox) run their statements through a service's
/// own database object, with its settings.
/// </summary>
public interface ICqlExecutor
{
    Task<RowSet> ExecuteAsync(string cql, IReadOnlyList<object?> values, CancellationToken ct, int? pageSize = null, byte[]? pagingState = null);

    /// <summary>Runs the statements as one batch (logged: all of them happen, or none is lost after a retry).</summary>
    Task BatchAsync(IEnumerable<(string Cql, object?[] Values)> statements, CancellationToken ct, BatchType type = BatchType.Logged);
}
