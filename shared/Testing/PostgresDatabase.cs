using Npgsql;

namespace Tripmate.Testing;

/// <summary>A database of its own for one test class, so no test depends on another's data.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _server;

    private PostgresDatabase(string name, string server)
    {
        Name = name;
        _server = server;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>A fresh name only; the service under test creates the database itself, as it does in production.</summary>
    /// <param name="server">A connection string without a database; the test servers' PostgreSQL when null.</param>
    public static PostgresDatabase NewName(string prefix, string? server = null) => new($"{prefix}_{Guid.NewGuid():N}", server ?? TestServers.Postgres);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var admin = new NpgsqlConnection(_server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The server may be stopped at the end of an outage test; its data is wiped next run anyway.
        }
    }
}
