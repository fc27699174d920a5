using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Tripmate.Outbox.EntityFrameworkCore;
using Tripmate.ServiceDefaults.Health;

namespace Tripmate.Identity.Store;

/// <summary>Identity's one store: PostgreSQL through EF Core, with its outbox.</summary>
public static class IdentityStoreExtensions
{
    public const string ConnectionName = "Identity";

    /// <summary>Any fixed number: the key of the session lock migrating instances take (pg_advisory_lock).</summary>
    private const long MigrationLock = 0x7472_6970_6d61_7465; // "tripmate"

    public static IHostApplicationBuilder AddIdentityStore(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured.");

        builder.Services.AddDbContext<IdentityDbContext>((services, options) => options
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .AddOutboxInterceptor(services));
        builder.AddEntityFrameworkOutbox<IdentityDbContext>();
        builder.Services.AddHealthChecks()
            .AddNpgSql(connectionString, name: "postgresql", tags: [HealthEndpoints.ReadyTag], timeout: TimeSpan.FromSeconds(3));
        return builder;
    }

    /// <summary>
    /// Creates the database if needed and applies the migrations in the repo before the service
    /// takes traffic. EF Core's own lock is held per migration transaction, so two instances
    /// starting together could interleave migrations (one applying the second while the other,
    /// still believing it pending, applies it again); a session advisory lock held across the whole
    /// run makes them take turns. The race it leaves (two creating the database at the same
    /// moment) and a database not up yet are retried here.
    /// </summary>
    public static async Task InitializeIdentityStoreAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdentityStoreExtensions));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
                var creator = db.GetService<IRelationalDatabaseCreator>();
                if (!await creator.ExistsAsync())
                {
                    await creator.CreateAsync();
                }

                await db.Database.OpenConnectionAsync();
                try
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLock})");
                    await db.Database.MigrateAsync();
                }
                finally
                {
                    await db.Database.CloseConnectionAsync(); // ends the session, and with it the lock
                }

                return;
            }
            catch (Exception e) when (IsWorthRetrying(e) && attempt < 30)
            {
                logger.LogWarning("Database not ready for migration (attempt {Attempt}): {Reason}", attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)));
            }
        }
    }

    private static bool IsWorthRetrying(Exception e) => e switch
    {
        // An instance that raced another through a migration: on retry the history shows it applied.
        PostgresException { SqlState: PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable } => true,
        NpgsqlException { IsTransient: true } => true,
        _ => e.InnerException is not null && IsWorthRetrying(e.InnerException),
    };
}
