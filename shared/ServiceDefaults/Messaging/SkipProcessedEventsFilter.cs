using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tripmate.ServiceDefaults.Messaging;

/// <summary>
/// Drops an event a consumer has already handled: a redelivery after a lost acknowledgement, or a
/// replay. Keyed by the queue (one per consumer and service) and the message id, which is the
/// event id. The id is remembered only once the consumer succeeded, so a failed attempt is retried;
/// a crash between the consumer's change and the remembering lets one redelivery through, which is
/// why consumers are also idempotent (ids derived from the event, versions compared). Queues of one
/// instance alone (auto-deleted, e.g. live fan-out) are skipped: they hold pushes, not state; so are
/// the queues of consumers idempotent by themselves (<see cref="IdempotentConsumerAttribute"/>).
/// </summary>
public sealed partial class SkipProcessedEventsFilter<T>(IServiceProvider services, ILogger<SkipProcessedEventsFilter<T>> logger)
    : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var store = services.GetService<IProcessedEventStore>();
        var input = context.ReceiveContext.InputAddress;
        var consumer = input.AbsolutePath.TrimEnd('/').Split('/')[^1];
        if (store is null || context.MessageId is not { } eventId || IsInstanceQueue(input)
            || services.GetService<IdempotentQueues>()?.Contains(consumer) == true)
        {
            await next.Send(context);
            return;
        }

        if (await store.IsProcessedAsync(consumer, eventId, context.CancellationToken))
        {
            LogSkipped(typeof(T).Name, eventId, consumer);
            return;
        }

        await next.Send(context);
        await store.MarkProcessedAsync(consumer, eventId, CancellationToken.None);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("skipProcessedEvents");

    private static bool IsInstanceQueue(Uri input) =>
        input.Query.Contains("autodelete=true", StringComparison.OrdinalIgnoreCase)
        || input.Query.Contains("temporary=true", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(LogLevel.Debug, "Skipped {Type} {EventId} on {Consumer}: handled before")]
    private partial void LogSkipped(string type, Guid eventId, string consumer);
}
