using Npgsql;

namespace Monitor.Core.Backups;

/// <summary>
/// PostgreSQL: one transaction; every app table truncated at once, each table loaded by binary COPY, the identity
/// sequences set past the restored ids. TRUNCATE locks the tables, so a writer of another node waits for the restore.
/// </summary>
internal sealed class PostgresRestoreTarget(NpgsqlConnection connection, NpgsqlTransaction transaction) : IRestoreTarget
{
    public static async Task<PostgresRestoreTarget> BeginAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        return new PostgresRestoreTarget(connection, transaction);
    }

    public Task WipeAsync(IReadOnlyList<BackupTable> tables, CancellationToken cancellationToken) =>
        ExecuteAsync($"TRUNCATE {string.Join(", ", tables.Select(t => BackupWriter.Quote(t.Name)))}", cancellationToken);

    public async Task<long> LoadAsync(BackupTable table, IReadOnlyList<BackupColumn> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        // An insert trigger on a table loaded earlier may have derived rows here (a post's hashtags): the archive's rows replace them.
        await ExecuteAsync($"DELETE FROM {BackupWriter.Quote(table.Name)}", cancellationToken);
        var types = await ColumnTypesAsync(table.Name, cancellationToken);
        var copy = $"COPY {BackupWriter.Quote(table.Name)} ({string.Join(", ", columns.Select(c => BackupWriter.Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < columns.Count; i++)
            {
                var value = ArchiveValues.ToProvider(row[i], columns[i].Property);
                if (value is DBNull)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(value, types[columns[i].Name], cancellationToken);
                }
            }
        }

        return (long)await importer.CompleteAsync(cancellationToken);
    }

    public async Task LoadMediaAsync(string hash, byte[] bytes, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"UPDATE media_blobs SET {BackupTables.MediaDataColumn} = @data WHERE hash = @hash", connection, transaction);
        command.Parameters.AddWithValue("data", bytes);
        command.Parameters.AddWithValue("hash", hash);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task CommitAsync(IReadOnlyList<BackupTable> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            foreach (var column in table.Columns.Where(c => c.Property.ClrType == typeof(int) || c.Property.ClrType == typeof(long)))
            {
                var name = BackupWriter.Quote(column.Name);
                // Null for a column without a sequence; otherwise the next id follows the largest restored one.
                await ExecuteAsync(
                    $"SELECT setval(pg_get_serial_sequence('{BackupWriter.Quote(table.Name)}', '{column.Name}'), COALESCE(MAX({name}), 1), MAX({name}) IS NOT NULL) " +
                    $"FROM {BackupWriter.Quote(table.Name)}",
                    cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private async Task<Dictionary<string, string>> ColumnTypesAsync(string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT a.attname, format_type(a.atttypid, NULL) FROM pg_attribute a
            WHERE a.attrelid = to_regclass(@table) AND a.attnum > 0 AND NOT a.attisdropped
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("table", BackupWriter.Quote(table));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            types[reader.GetString(0)] = reader.GetString(1);
        }

        return types;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
