using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tripmate.ServiceDefaults.Telemetry;

namespace Tripmate.Outbox;

/// <summary>
/// Publishes committed events to the broker and marks them sent only after the broker confirmed
/// them, whatever store keeps them. Runs in every instance; leases let instances share the work
/// without sending an event twice while both are healthy. While the broker is down events simply
/// stay unsent and are retried with growing pauses, so nothing is lost. An event that can never be
/// published is parked with its reason and does not hold up the others.
/// </summary>
internal sealed partial class OutboxRelay(
    IOutboxStore store,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay> logger) : BackgroundService
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
                while (await RelayBatchAsync(stoppingToken) == _options.BatchSize)
                {
                    // A full batch means more are waiting: drain before sleeping.
                }

                failures = 0;
                await PurgeSentIfDueAsync(stoppingToken);
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
                LogRetrying(e, delay);
                await Task.Delay(delay, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private TimeSpan RetryDelay(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(_options.MaxRetryDelay.TotalMilliseconds, 250 * Math.Pow(2, failures - 1)));

    /// <returns>How many events the batch held (parked ones included, so a batch of them is not mistaken for the end).</returns>
    private async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        var batch = await store.LeaseAsync(_options.BatchSize, _options.LeaseDuration, cancellationToken);
        var publishable = new List<(PendingEvent Pending, object Message, Type Type)>(batch.Count);
        foreach (var pending in batch)
        {
            if (Readable(pending, out var message, out var type, out var reason))
            {
                publishable.Add((pending, message, type));
            }
            else
            {
                LogParked(pending.Event.MessageId, pending.Event.MessageType, reason);
                await store.ParkAsync(pending, reason, cancellationToken);
            }
        }

        // All at once: the broker confirms them as a stream, so a batch costs about one round trip.
        var outcomes = await Task.WhenAll(publishable.Select(p => PublishAsync(p.Pending, p.Message, p.Type, cancellationToken)));
        var sent = publishable.Where((_, i) => outcomes[i] is null).Select(p => p.Pending).ToList();
        await store.MarkSentAsync(sent, CancellationToken.None);
        if (outcomes.FirstOrDefault(e => e is not null) is { } failure)
        {
            var unsent = publishable.Where((_, i) => outcomes[i] is not null).Select(p => p.Pending).ToList();
            await store.ReleaseAsync(unsent, Truncate(failure.Message), CancellationToken.None);
            throw failure;
        }

        return batch.Count;
    }

    /// <summary>Whether the event can be turned back into its contract; otherwise why not.</summary>
    private static bool Readable(PendingEvent pending, out object message, out Type type, out string reason)
    {
        (message, type, reason) = (null!, null!, "");
        if (Type.GetType(pending.Event.MessageType, throwOnError: false) is not { } known)
        {
            reason = $"Unknown message type {pending.Event.MessageType}";
            return false;
        }

        try
        {
            message = JsonSerializer.Deserialize(pending.Event.Payload, known, JsonSerializerOptions.Web)
                ?? throw new JsonException("The payload is null.");
            type = known;
            return true;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            reason = Truncate($"Unreadable payload for {known.Name}: {e.Message}");
            return false;
        }
    }

    /// <returns>Null when the broker confirmed the event, else what went wrong.</returns>
    private async Task<Exception?> PublishAsync(PendingEvent pending, object message, Type type, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(pending.Event.TraceParent, null, out var parent);
        using var activity = TripmateTelemetry.Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        try
        {
            await bus.Publish(message, type, context => context.MessageId = pending.Event.MessageId, timeout.Token);
            return null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return e;
        }
    }

    private async Task PurgeSentIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now < _nextCleanup)
        {
            return;
        }

        _nextCleanup = now.AddMinutes(10);
        await store.PurgeSentAsync(now - _options.SentRetention, cancellationToken);
    }

    private static string Truncate(string text) => text.Length > 2000 ? text[..2000] : text;

    [LoggerMessage(LogLevel.Warning, "Outbox relay could not publish; retrying in {Delay}")]
    private partial void LogRetrying(Exception exception, TimeSpan delay);

    [LoggerMessage(LogLevel.Error, "Outbox event {MessageId} of type {Type} parked: {Reason}")]
    private partial void LogParked(Guid messageId, string type, string reason);
}
