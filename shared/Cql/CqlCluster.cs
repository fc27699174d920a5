using Tripmate.Cql.Connections;

namespace Tripmate.Cql;

/// <summary>Entry point: describes a cluster and opens sessions to it.</summary>
public sealed class CqlCluster(CqlClusterOptions options)
{
    public CqlClusterOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Opens the first connection (so bad addresses or credentials fail here) and returns a session.</summary>
    public async Task<CqlSession> ConnectAsync(CancellationToken cancellationToken = default)
    {
        var pool = new ConnectionPool(Options);
        try
        {
            await pool.GetAsync(cancellationToken).ConfigureAwait(false);
            return new CqlSession(pool, Options);
        }
        catch
        {
            await pool.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
