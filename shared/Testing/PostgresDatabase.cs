using Npgsql;

namespace Tripmate.Testing;

/// <summary>A database of its own for one test class, so no test depends on another's data.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private PostgresDatabase(string name)
    {
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>A fresh name only; the service under test creates the database itself, as it does in production.</summary>
    public static PostgresDatabase NewName(string prefix) => new($"{prefix}_{Guid.NewGuid():N}");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var admin = new NpgsqlConnection(TestServers.Postgres);
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
