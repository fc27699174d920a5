using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Tripmate.Outbox.EntityFrameworkCore;

public static class EntityFrameworkOutboxExtensions
{
    /// <summary>
    /// The outbox of a service on EF Core + PostgreSQL: handlers call <see cref="OutboxModel.AddEvent"/>
    /// and save; the interceptor (registered on the DbContext with <see cref="AddOutboxInterceptor"/>)
    /// wakes the relay once the transaction commits.
    /// </summary>
    public static IHostApplicationBuilder AddEntityFrameworkOutbox<TDbContext>(this IHostApplicationBuilder builder)
        where TDbContext : DbContext
    {
        builder.Services.AddSingleton<OutboxCommitInterceptor>();
        return builder.AddOutbox<EntityFrameworkOutboxStore<TDbContext>>();
    }

    public static DbContextOptionsBuilder AddOutboxInterceptor(this DbContextOptionsBuilder options, IServiceProvider services) =>
        options.AddInterceptors(services.GetRequiredService<OutboxCommitInterceptor>());
}
