using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Tripmate.Outbox;

public static class OutboxExtensions
{
    /// <summary>
    /// The one event-publishing path for services on EF Core: handlers call
    /// <see cref="OutboxModel.AddEvent"/> and save; the relay does the rest. Register the
    /// interceptor on the DbContext with <see cref="AddOutboxInterceptor"/>.
    /// </summary>
    public static IHostApplicationBuilder AddOutbox<TDbContext>(this IHostApplicationBuilder builder)
        where TDbContext : DbContext
    {
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.Section));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxCommitInterceptor>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<OutboxRelay<TDbContext>>();
        return builder;
    }

    public static DbContextOptionsBuilder AddOutboxInterceptor(this DbContextOptionsBuilder options, IServiceProvider services) =>
        options.AddInterceptors(services.GetRequiredService<OutboxCommitInterceptor>());
}
