using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Tripmate.Outbox.EntityFrameworkCore;

/// <summary>
/// The outbox table of a service on EF Core + PostgreSQL. Leases are taken with
/// <c>FOR UPDATE SKIP LOCKED</c> and the database's clock, so instances never take the same rows
/// and agree on when a lease ends whatever their own clocks say.
/// </summary>
internal sealed class EntityFrameworkOutboxStore<TDbContext>(IServiceScopeFactory scopes) : IOutboxStore
    where TDbContext : DbContext
{
    public async Task<IReadOnlyList<PendingEvent>> LeaseAsync(int max, TimeSpan lease, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rows = await Db(scope).Set<OutboxMessage>().FromSql($"""
            UPDATE outbox_messages SET leased_until = now() + {lease}
            WHERE id IN (
                SELECT id FROM outbox_messages
                WHERE sent_at IS NULL AND parked_at IS NULL AND (leased_until IS NULL OR leased_until < now())
                ORDER BY id LIMIT {max} FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Id).Select(r => r.ToPending())];
    }

    public Task MarkSentAsync(IReadOnlyCollection<PendingEvent> sent, CancellationToken ct) =>
        sent.Count == 0 ? Task.CompletedTask : ExecuteAsync(db => db.Database.ExecuteSqlAsync($"""
            UPDATE outbox_messages SET sent_at = now(), leased_until = NULL, attempts = attempts + 1, last_error = NULL
            WHERE id = ANY({Ids(sent)})
            """, ct));

    public Task ReleaseAsync(IReadOnlyCollection<PendingEvent> unsent, string error, CancellationToken ct) =>
        unsent.Count == 0 ? Task.CompletedTask : ExecuteAsync(db => db.Database.ExecuteSqlAsync($"""
            UPDATE outbox_messages SET leased_until = NULL, attempts = attempts + 1, last_error = {error}
            WHERE id = ANY({Ids(unsent)})
            """, ct));

    public Task ParkAsync(PendingEvent parked, string reason, CancellationToken ct) =>
        ExecuteAsync(db => db.Database.ExecuteSqlAsync($"""
            UPDATE outbox_messages SET parked_at = now(), leased_until = NULL, last_error = {reason}
            WHERE id = {(long)parked.Position}
            """, ct));

    public Task PurgeSentAsync(DateTimeOffset sentBefore, CancellationToken ct) =>
        ExecuteAsync(db => db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < sentBefore).ExecuteDeleteAsync(ct));

    private static long[] Ids(IEnumerable<PendingEvent> events) => [.. events.Select(e => (long)e.Position)];

    private static TDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<TDbContext>();

    private async Task ExecuteAsync(Func<TDbContext, Task<int>> statement)
    {
        await using var scope = scopes.CreateAsyncScope();
        await statement(Db(scope));
    }
}
