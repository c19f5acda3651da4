using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Monitor.Core.Data;

/// <summary>
/// A statement on the context's connection and transaction, straight through ADO.NET: for the few statements each run
/// makes (its close, its profile), where EF's per-query work (parameter extraction, cache lookup, the shaper) cost more
/// CPU than the database did. One text serves both databases: parameters are <c>@p0</c>, <c>@p1</c>… in the order of
/// the values, and each value is bound as EF stores it (a Guid as upper-case text and an enum as its lower-case name on
/// SQLite, see <see cref="LowerCaseEnumConverter{TEnum}"/>).
/// </summary>
internal static class DirectSql
{
    /// <returns>The rows the statement changed.</returns>
    public static async Task<int> ExecuteAsync(MonitorDbContext db, string sql, IReadOnlyList<object?> values, CancellationToken cancellationToken)
    {
        var opened = await OpenIfClosedAsync(db, cancellationToken);
        try
        {
            await using var command = Command(db, sql, values);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await CloseIfOpenedAsync(db, opened);
        }
    }

    /// <returns>The first row read by <paramref name="read"/>, or null when the statement returned none.</returns>
    public static async Task<T?> FirstAsync<T>(MonitorDbContext db, string sql, IReadOnlyList<object?> values, Func<DbDataReader, T> read,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        var opened = await OpenIfClosedAsync(db, cancellationToken);
        try
        {
            await using var command = Command(db, sql, values);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? read(reader) : null;
        }
        finally
        {
            await CloseIfOpenedAsync(db, opened);
        }
    }

    /// <summary>A nullable time column read as UTC (SQLite gives back the text EF wrote, without its kind).</summary>
    public static DateTime? UtcOrNull(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);
    }

    public static string? StringOrNull(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    private static DbCommand Command(MonitorDbContext db, string sql, IReadOnlyList<object?> values)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var sqlite = db.Provider == DatabaseProvider.Sqlite;
        for (var i = 0; i < values.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"@p{i}");
            parameter.Value = Bound(values[i], sqlite);
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static object Bound(object? value, bool sqlite) => value switch
    {
        null => DBNull.Value,
        Enum e => e.ToString().ToLowerInvariant(),
        Guid g when sqlite => g.ToString().ToUpperInvariant(),
        // As UtcDateTimeConverter stores a time.
        DateTime { Kind: not DateTimeKind.Utc } time => time.ToUniversalTime(),
        _ => value,
    };

    /// <returns>True when this call opened the connection (and <see cref="CloseIfOpenedAsync"/> closes it again).</returns>
    public static async Task<bool> OpenIfClosedAsync(MonitorDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection().State == System.Data.ConnectionState.Open)
        {
            return false;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        return true;
    }

    public static async Task CloseIfOpenedAsync(MonitorDbContext db, bool opened)
    {
        if (opened)
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
