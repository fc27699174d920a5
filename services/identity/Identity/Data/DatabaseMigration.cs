using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Tripmate.Identity.Data;

public static class DatabaseMigration
{
    /// <summary>
    /// Creates the database if needed and applies the migrations in the repo before the service
    /// takes traffic. EF Core takes a database lock while migrating, so instances starting
    /// together wait for each other; the one race it leaves (two creating the database at the
    /// same moment) and a database not up yet are retried here.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigration));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
                await db.Database.MigrateAsync();
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
