using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tripmate.ServiceDefaults.Telemetry;

namespace Tripmate.Outbox;

/// <summary>
/// Publishes committed events to the broker and marks them sent only after the broker confirmed
/// them. Runs in every instance; <c>FOR UPDATE SKIP LOCKED</c> lets instances share the work
/// without sending a row twice. While the broker is down rows simply stay unsent and are retried
/// with growing pauses, so nothing is lost.
/// </summary>
internal sealed class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private readonly OutboxOptions _options = options.Value;
    private DateTimeOffset _nextCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await PublishBatchAsync(stoppingToken) == _options.BatchSize)
                {
                    // A full batch means more are waiting: drain before sleeping.
                }

                failures = 0;
                await DeleteOldSentAsync(stoppingToken);
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                var delay = RetryDelay(failures);
                logger.LogWarning(e, "Outbox relay could not publish; retrying in {Delay}", delay);
                await Task.Delay(delay, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private TimeSpan RetryDelay(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(_options.MaxRetryDelay.TotalMilliseconds, 250 * Math.Pow(2, failures - 1)));

    /// <returns>How many rows the batch held.</returns>
    private async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var batch = await db.Set<OutboxMessage>()
            .FromSql($"SELECT * FROM outbox_messages WHERE sent_at IS NULL ORDER BY id LIMIT {_options.BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);

        try
        {
            foreach (var message in batch)
            {
                await PublishAsync(message, cancellationToken);
            }
        }
        finally
        {
            // Whatever the broker confirmed before a failure is recorded, so it is not sent again.
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        return batch.Count;
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = Type.GetType(message.MessageType, throwOnError: false);
        if (type is null)
        {
            // A contract this build does not know: keep the row for an operator, don't block the rest.
            message.LastError = $"Unknown message type {message.MessageType}";
            message.Attempts++;
            logger.LogError("Outbox message {MessageId} has unknown type {Type}", message.MessageId, message.MessageType);
            return;
        }

        var payload = JsonSerializer.Deserialize(message.Payload, type, JsonSerializerOptions.Web)!;
        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = TripmateTelemetry.Source.StartActivity(
            $"outbox publish {type.Name}", ActivityKind.Producer, parent);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        message.Attempts++;
        try
        {
            await bus.Publish(payload, type, context => context.MessageId = message.MessageId, timeout.Token);
        }
        catch (Exception e)
        {
            message.LastError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
            throw;
        }

        message.SentAt = clock.GetUtcNow();
        message.LastError = null;
    }

    private async Task DeleteOldSentAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now < _nextCleanup)
        {
            return;
        }

        _nextCleanup = now.AddMinutes(10);
        var cutoff = now - _options.SentRetention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
