using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Tripmate.Outbox;

public static class OutboxExtensions
{
    /// <summary>
    /// The one event-publishing path of every service: the service writes its events into
    /// <typeparamref name="TStore"/> with the change that raised them and calls
    /// <see cref="OutboxSignal.Notify"/> after committing; the relay does the rest.
    /// </summary>
    public static IHostApplicationBuilder AddOutbox<TStore>(this IHostApplicationBuilder builder)
        where TStore : class, IOutboxStore
    {
        builder.Services.AddOptions<OutboxOptions>()
            .Bind(builder.Configuration.GetSection(OutboxOptions.Section))
            .Validate(o => o.BatchSize > 0, "Outbox:BatchSize must be positive.")
            .Validate(o => o.LeaseDuration > o.PublishTimeout,
                "Outbox:LeaseDuration must be longer than Outbox:PublishTimeout, or another instance could send an event still being published.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IOutboxStore, TStore>();
        builder.Services.AddHostedService<OutboxRelay>();
        return builder;
    }
}
