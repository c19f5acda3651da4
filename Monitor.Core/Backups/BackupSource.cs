using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Npgsql;

namespace Monitor.Core.Backups;

/// <summary>
/// One consistent view of the database to read every table from. PostgreSQL: a single <c>REPEATABLE READ READ ONLY</c>
/// transaction (one snapshot, writers carry on). SQLite: the online backup API copies the file to a temporary one first
/// (a point-in-time copy, writers carry on) and the tables are read from that copy, which is deleted afterwards.
/// </summary>
internal sealed class BackupSource : IAsyncDisposable
{
    private readonly DbTransaction? _transaction;
    private readonly string? _copyPath;

    private BackupSource(DatabaseProvider provider, DbConnection connection, DbTransaction? transaction, string? copyPath)
    {
        Provider = provider;
        Connection = connection;
        _transaction = transaction;
        _copyPath = copyPath;
    }

    public DatabaseProvider Provider { get; }

    public DbConnection Connection { get; }

    public static async Task<BackupSource> OpenAsync(MonitorDbContext db, CancellationToken cancellationToken)
    {
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The database context has no connection string.");
        if (db.Provider == DatabaseProvider.Postgres)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            var snapshot = new BackupSource(DatabaseProvider.Postgres, connection, transaction, null);
            await using var readOnly = snapshot.CreateCommand("SET TRANSACTION READ ONLY");
            await readOnly.ExecuteNonQueryAsync(cancellationToken);
            return snapshot;
        }

        var copyPath = Path.Combine(Path.GetTempPath(), $"monitor-backup-{Guid.NewGuid():N}.db");
        await using (var source = new SqliteConnection(connectionString))
        await using (var copy = new SqliteConnection($"Data Source={copyPath};Pooling=False"))
        {
            await source.OpenAsync(cancellationToken);
            await copy.OpenAsync(cancellationToken);
            source.BackupDatabase(copy);
        }

        var reader = new SqliteConnection($"Data Source={copyPath};Mode=ReadOnly;Pooling=False");
        await reader.OpenAsync(cancellationToken);
        return new BackupSource(DatabaseProvider.Sqlite, reader, null, copyPath);
    }

    public DbCommand CreateCommand(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        command.CommandTimeout = 0;
        return command;
    }

    /// <returns>The id of the last migration applied, or null when there is none.</returns>
    public async Task<string?> LastMigrationAsync(CancellationToken cancellationToken)
    {
        // The history table's first column is the migration id, whatever the naming convention calls it.
        await using var command = CreateCommand("""SELECT * FROM "__EFMigrationsHistory" """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        string? last = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            if (last is null || string.CompareOrdinal(id, last) > 0)
            {
                last = id;
            }
        }

        return last;
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }

        await Connection.DisposeAsync();
        if (_copyPath is not null)
        {
            File.Delete(_copyPath);
        }
    }
}
