using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Options;
using Tripmate.Messaging.Store;
using Tripmate.Messaging.Store.Sqlite;

namespace Tripmate.Messaging.Tests.Store.Sqlite;

/// <summary>What only the embedded store has to do itself: reclaim expired rows, keep its file in WAL mode.</summary>
public sealed class SqliteStoreHousekeepingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tripmate-messaging-").FullName;
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly SqliteDatabase _database;

    public SqliteStoreHousekeepingTests() =>
        _database = new SqliteDatabase(Path.Combine(_directory, SqliteDatabase.FileName), _clock, new Tripmate.Outbox.OutboxSignal());

    [Fact]
    public async Task Expired_notifications_and_idempotency_keys_are_purged_by_a_later_write()
    {
        await _database.InitializeAsync(CancellationToken.None);
        var options = Options.Create(new MessagingStoreOptions { NotificationTtl = TimeSpan.FromHours(1), IdempotencyKeyTtl = TimeSpan.FromHours(1) });
        var notifications = new SqliteNotificationStore(_database, options);
        var messages = new SqliteMessageStore(_database, options);
        var user = Guid.NewGuid();
        await notifications.AddAsync(new Notification(user, TimeUuid.NewId(_clock.GetUtcNow()), "t", "old", new Dictionary<string, string>(), _clock.GetUtcNow()), [], default);
        await messages.ClaimIdempotencyKeyAsync(user, "old", TimeUuid.NewId(_clock.GetUtcNow()), default);

        _clock.Advance(TimeSpan.FromHours(2));
        await notifications.AddAsync(new Notification(user, TimeUuid.NewId(_clock.GetUtcNow()), "t", "new", new Dictionary<string, string>(), _clock.GetUtcNow()), [], default);

        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM notifications"));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM idempotency_keys"));
    }

    [Fact]
    public async Task The_file_is_in_wal_mode_and_initialising_twice_is_harmless()
    {
        await _database.InitializeAsync(CancellationToken.None);
        await _database.InitializeAsync(CancellationToken.None);

        var mode = await _database.ReadAsync(async c =>
        {
            await using var pragma = c.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode";
            return (string?)await pragma.ExecuteScalarAsync();
        }, default);
        Assert.Equal("wal", mode);
    }

    private Task<long> CountAsync(string sql) =>
        _database.ReadAsync(async c =>
        {
            await using var count = c.CreateCommand();
            count.CommandText = sql;
            return (long)(await count.ExecuteScalarAsync())!;
        }, default);

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
