using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tripmate.Outbox.EntityFrameworkCore;

/// <summary>
/// Signals the relay once events are durably committed: after SaveChanges when it ran its own
/// transaction, or after the explicit transaction around it commits.
/// </summary>
internal sealed class OutboxCommitInterceptor(OutboxSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && HasNewEvents(db))
        {
            PendingCommit.AddOrUpdate(db, db);
        }

        return ValueTask.FromResult(result);
    }

    public ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null && PendingCommit.Remove(db))
        {
            signal.Notify();
        }

        return ValueTask.FromResult(result);
    }

    public override Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && PendingCommit.Remove(db))
        {
            signal.Notify();
        }

        return Task.CompletedTask;
    }

    public override Task TransactionRolledBackAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            PendingCommit.Remove(db);
        }

        return Task.CompletedTask;
    }

    private static bool HasNewEvents(DbContext db) =>
        db.ChangeTracker.Entries<OutboxMessage>().Any(entry => entry.State == EntityState.Added);

    /// <summary>Contexts that saved events not yet committed. Weak, so a context that never commits is not kept alive.</summary>
    private ConditionalWeakTable<DbContext, object> PendingCommit { get; } = new();
}
