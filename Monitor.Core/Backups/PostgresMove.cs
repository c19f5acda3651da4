using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Npgsql;

namespace Monitor.Core.Backups;

/// <summary>
/// <c>migrate-to</c>: copies this SQLite installation into an empty PostgreSQL database by the archive format (a backup
/// of the SQLite file with its images, restored into the target after its migrations), then counts every table on both
/// sides. The SQLite file is left as it was.
/// </summary>
public sealed class PostgresMove(BackupService backups, DatabaseSettings database)
{
    public async Task<IReadOnlyList<TableCount>> MoveAsync(string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            throw new BackupRefusedException("migrate-to moves a SQLite installation; this app already runs on PostgreSQL.");
        }

        string connectionString;
        try
        {
            connectionString = DatabaseSettings.ToNpgsqlConnectionString(target);
        }
        catch (Exception ex) when (ex is ArgumentException or UriFormatException)
        {
            throw new BackupRefusedException($"The target is not a PostgreSQL connection string or postgres:// URL: {ex.Message}");
        }

        var options = DataServiceCollectionExtensions.ConfigurePostgres(new DbContextOptionsBuilder<PostgresMonitorDbContext>(), connectionString);
        await using var db = new PostgresMonitorDbContext((DbContextOptions<PostgresMonitorDbContext>)options.Options);
        var tables = BackupTables.From(db.Model);
        await EnsureEmptyAsync(connectionString, tables, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);

        var archive = Path.Combine(Path.GetTempPath(), $"monitor-move-{Guid.NewGuid():N}.zip");
        try
        {
            var manifest = await backups.CreateFileAsync(archive, includeMedia: true, cancellationToken);
            await BackupRestorer.RestoreAsync(db, archive, backups.MediaFolder, cancellationToken);
            var counts = await CountAsync(connectionString, tables, cancellationToken);
            return manifest.Tables.Select(t => new TableCount(t.Name, t.Rows, counts[t.Name])).ToList();
        }
        finally
        {
            File.Delete(archive);
        }
    }

    private static async Task EnsureEmptyAsync(string connectionString, IReadOnlyList<BackupTable> tables, CancellationToken cancellationToken)
    {
        var counts = await CountAsync(connectionString, tables, cancellationToken);
        var filled = counts.Where(c => c.Value > 0).Select(c => $"{c.Key} ({c.Value} rows)").ToList();
        if (filled.Count > 0)
        {
            throw new BackupRefusedException($"The target database is not empty: {string.Join(", ", filled)}. Move into a new, empty database.");
        }
    }

    /// <summary>Rows per app table; a table not there yet counts 0.</summary>
    private static async Task<Dictionary<string, long>> CountAsync(string connectionString, IReadOnlyList<BackupTable> tables, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
            exists.Parameters.AddWithValue("table", BackupWriter.Quote(table.Name));
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                counts[table.Name] = 0;
                continue;
            }

            await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM {BackupWriter.Quote(table.Name)}", connection) { CommandTimeout = 0 };
            counts[table.Name] = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        return counts;
    }
}
