using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Backups;

/// <summary>
/// Restores an archive into a database: verifies it whole (checksums, format, schema) before touching anything, then in
/// one transaction deletes every app table's rows and loads the archive's. A failure anywhere rolls everything back.
/// Without images in the archive, the media cache's tables are emptied: the cache's next pass finds the covers again.
/// </summary>
public static class BackupRestorer
{
    public static async Task<RestoreResult> RestoreAsync(MonitorDbContext target, string archivePath, string mediaFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var archive = await BackupArchive.OpenVerifiedAsync(archivePath, cancellationToken);
        var manifest = archive.Manifest;
        await BackupSchemaCheck.EnsureSameSchemaAsync(target, manifest, cancellationToken);
        var tables = BackupTables.From(target.Model);
        var plan = Plan(tables, manifest);

        var connectionString = target.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The database context has no connection string.");
        await using IRestoreTarget writer = target.Provider == DatabaseProvider.Postgres
            ? await PostgresRestoreTarget.BeginAsync(connectionString, cancellationToken)
            : await SqliteRestoreTarget.BeginAsync(connectionString, mediaFolder, cancellationToken);
        await writer.WipeAsync(tables, cancellationToken);
        var written = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (table, entry, columns) in plan)
        {
            var rows = await writer.LoadAsync(table, columns, ReadRows(archive, entry, columns), cancellationToken);
            if (rows != entry.Rows)
            {
                throw new BackupRefusedException($"The archive's table {table.Name} holds {rows} rows, its manifest says {entry.Rows}: nothing was restored.");
            }

            written[table.Name] = rows;
        }

        foreach (var media in manifest.Media)
        {
            await using var stream = await archive.OpenEntryAsync(media.Entry, cancellationToken);
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes, cancellationToken);
            await writer.LoadMediaAsync(media.Entry[BackupMedia.Prefix.Length..], bytes.ToArray(), cancellationToken);
        }

        await writer.CommitAsync(tables, cancellationToken);
        return new RestoreResult(manifest, written, manifest.Media.Count);
    }

    private static List<(BackupTable Table, BackupManifestTable Entry, IReadOnlyList<BackupColumn> Columns)> Plan(
        IReadOnlyList<BackupTable> tables, BackupManifest manifest)
    {
        var entries = manifest.Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var unknown = entries.Keys.Except(tables.Select(t => t.Name), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new BackupRefusedException($"The archive holds tables this database does not have: {string.Join(", ", unknown)}.");
        }

        var plan = new List<(BackupTable, BackupManifestTable, IReadOnlyList<BackupColumn>)>();
        foreach (var table in tables)
        {
            if (!entries.TryGetValue(table.Name, out var entry))
            {
                if (!table.IsMedia)
                {
                    throw new BackupRefusedException($"The archive lacks the table {table.Name}.");
                }

                continue;
            }

            var byName = table.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
            if (entry.Columns.Count != byName.Count || entry.Columns.Any(c => !byName.ContainsKey(c)))
            {
                throw new BackupRefusedException(
                    $"The archive's table {table.Name} has the columns ({string.Join(", ", entry.Columns)}), this database's ({string.Join(", ", byName.Keys)}).");
            }

            plan.Add((table, entry, entry.Columns.Select(c => byName[c]).ToList()));
        }

        return plan;
    }

    private static IEnumerable<object?[]> ReadRows(BackupArchive archive, BackupManifestTable entry, IReadOnlyList<BackupColumn> columns)
    {
        using var reader = new StreamReader(archive.OpenEntry(entry.Entry));
        while (reader.ReadLine() is { } line)
        {
            using var document = JsonDocument.Parse(line);
            var values = new object?[columns.Count];
            var i = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                values[i] = ArchiveValues.Parse(element, columns[i].Property);
                i++;
            }

            yield return values;
        }
    }
}
