using Tripmate.Messaging.Store.Sqlite;

namespace Tripmate.Messaging.Tests.Users;

/// <summary>The user projection converges whatever the order or number of deliveries (embedded store).</summary>
public sealed class UserDirectoryTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("tripmate-users-");
    private readonly SqliteMessagingDatabase _database;
    private readonly SqliteUserDirectory _users;

    public UserDirectoryTests()
    {
        _database = new SqliteMessagingDatabase(Path.Combine(_directory.FullName, SqliteMessagingDatabase.FileName), TimeProvider.System, new Tripmate.Outbox.OutboxSignal());
        _users = new SqliteUserDirectory(_database);
    }

    public Task InitializeAsync() => _database.InitializeAsync(CancellationToken.None);

    [Fact]
    public async Task Registered_twice_is_registered_once_and_unknown_is_nobody()
    {
        var id = Guid.CreateVersion7();
        Assert.False(await _users.ExistsAsync(id, default));

        await _users.MarkRegisteredAsync(id, default);
        await _users.MarkRegisteredAsync(id, default);

        Assert.True(await _users.ExistsAsync(id, default));
    }

    [Fact]
    public async Task A_deletion_is_final_whether_the_registration_comes_before_or_after_it()
    {
        var (inOrder, reordered) = (Guid.CreateVersion7(), Guid.CreateVersion7());

        await _users.MarkRegisteredAsync(inOrder, default);
        await _users.MarkDeletedAsync(inOrder, default);
        await _users.MarkRegisteredAsync(inOrder, default); // redelivered late
        await _users.MarkDeletedAsync(reordered, default);
        await _users.MarkRegisteredAsync(reordered, default);

        Assert.False(await _users.ExistsAsync(inOrder, default));
        Assert.False(await _users.ExistsAsync(reordered, default));
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
