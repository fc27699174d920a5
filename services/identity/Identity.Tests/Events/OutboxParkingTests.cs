using Npgsql;
using Tripmate.Contracts.Identity;
using Tripmate.Identity.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Identity.Tests.Events;

/// <summary>Events the relay can never publish are set aside with the reason, and the rest flow past them.</summary>
public sealed class OutboxParkingTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task Rows_of_an_unknown_type_or_unreadable_payload_are_parked_and_block_nothing()
    {
        await using var recorder = await IdentityEvents.RecordAsync();
        // More than a relay batch (100), so a whole batch is poison: that once made the relay loop forever.
        await InsertPoisonAsync(count: 120, type: "Tripmate.Contracts.Gone.NoSuchEvent, Tripmate.Contracts", payload: "{}");
        await InsertPoisonAsync(count: 1, type: typeof(UserDeleted).AssemblyQualifiedName!.Split(", Version")[0], payload: "[1, 2]");

        var user = await app.NewUserAsync();

        await recorder.WaitForAsync<UserRegistered>(e => e.UserId == user.Id);
        var parked = await Eventually.WaitForAsync(ParkedReasonsAsync, reasons => reasons.Count == 121, TimeSpan.FromSeconds(15), "121 parked rows");
        Assert.Equal(120, parked.Count(r => r.StartsWith("Unknown message type", StringComparison.Ordinal)));
        Assert.Single(parked, r => r.StartsWith("Unreadable payload for UserDeleted", StringComparison.Ordinal));
    }

    private async Task InsertPoisonAsync(int count, string type, string payload)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        for (var i = 0; i < count; i++)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO outbox_messages (message_id, message_type, payload, occurred_at, attempts)
                VALUES (@id, @type, @payload::jsonb, now(), 0)
                """, connection);
            insert.Parameters.AddWithValue("id", Guid.NewGuid());
            insert.Parameters.AddWithValue("type", type);
            insert.Parameters.AddWithValue("payload", payload);
            await insert.ExecuteNonQueryAsync();
        }
    }

    private async Task<List<string>> ParkedReasonsAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT last_error FROM outbox_messages WHERE parked_at IS NOT NULL AND sent_at IS NULL", connection);
        await using var reader = await select.ExecuteReaderAsync();
        var reasons = new List<string>();
        while (await reader.ReadAsync())
        {
            reasons.Add(reader.GetString(0));
        }

        return reasons;
    }
}
