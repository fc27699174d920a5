using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Tripmate.Identity.Store;

/// <summary>
/// Constraint violations the handlers answer as 409 or 401: the database decides races that a
/// check-then-insert in the handler could not.
/// </summary>
internal static class DbUpdateExceptionExtensions
{
    public static bool IsUniqueViolation(this DbUpdateException e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public static bool IsForeignKeyViolation(this DbUpdateException e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation };
}
