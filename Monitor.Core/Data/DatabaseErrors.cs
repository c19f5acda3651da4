using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Monitor.Core.Data;

/// <summary>
/// Tells a lost race (a unique or foreign-key violation the caller expects) from a database that is failing, on
/// both providers, so that an outage is reported as one and never mistaken for "not found".
/// </summary>
public static class DatabaseErrors
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintForeignKey = 787;

    public static bool IsUniqueViolation(Exception exception) => Find<DbException>(exception) switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };

    public static bool IsForeignKeyViolation(Exception exception) => Find<DbException>(exception) switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteConstraintForeignKey,
        _ => false,
    };

    /// <summary>An error raised by the database or its driver (connection refused, disk full, locked, a failed statement).</summary>
    public static bool IsDatabaseError(Exception exception) =>
        exception is DbUpdateException || Find<DbException>(exception) is not null
        || (exception is InvalidOperationException && exception.InnerException is { } inner && IsDatabaseError(inner));

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }
}
