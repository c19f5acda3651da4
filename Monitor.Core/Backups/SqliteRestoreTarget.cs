using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Monitor.Core.Backups;

/// <summary>
/// SQLite: one immediate transaction (other writers wait), foreign keys checked at commit, prepared inserts. The images
/// go to the media folder as files (named by their hash, so a file left by a restore that then failed is harmless).
/// </summary>
internal sealed class SqliteRestoreTarget(SqliteConnection connection, SqliteTransaction transaction, string mediaFolder) : IRestoreTarget
{
    public static async Task<SqliteRestoreTarget> BeginAsync(string connectionString, string mediaFolder, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var transaction = connection.BeginTransaction(deferred: false);
        var target = new SqliteRestoreTarget(connection, transaction, mediaFolder);
        await target.ExecuteAsync("PRAGMA defer_foreign_keys = ON", cancellationToken);
        return target;
    }

    public async Task WipeAsync(IReadOnlyList<BackupTable> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables.Reverse())
        {
            await ExecuteAsync($"DELETE FROM {BackupWriter.Quote(table.Name)}", cancellationToken);
        }
    }

    public async Task<long> LoadAsync(BackupTable table, IReadOnlyList<BackupColumn> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        // An insert trigger on a table loaded earlier may have derived rows here (a post's hashtags): the archive's rows replace them.
        await ExecuteAsync($"DELETE FROM {BackupWriter.Quote(table.Name)}", cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {BackupWriter.Quote(table.Name)} ({string.Join(", ", columns.Select(c => BackupWriter.Quote(c.Name)))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        for (var i = 0; i < columns.Count; i++)
        {
            // The provider's own mapping configures the parameter (a guid and a decimal as EF stores them: text).
            command.Parameters.Add(columns[i].Property.GetRelationalTypeMapping().CreateParameter(command, $"@p{i}", null, nullable: true));
        }

        long written = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                command.Parameters[i].Value = ArchiveValues.ToProvider(row[i], columns[i].Property);
            }

            written += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return written;
    }

    public async Task LoadMediaAsync(string hash, byte[] bytes, CancellationToken cancellationToken)
    {
        var path = BackupMedia.FilePath(mediaFolder, hash);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    public Task CommitAsync(IReadOnlyList<BackupTable> tables, CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
