using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Monitor.Core.Data;

namespace Monitor.Core.Backups;

/// <summary>
/// Writes the archive: a zip with one JSON Lines entry per table (each line one row, the values in the manifest's column
/// order, rows in key order), the cached images under <c>media/</c> when asked, <c>manifest.json</c> with every entry's
/// SHA-256 and <c>manifest.sha256</c>. Rows are streamed from the snapshot into the zip, never held in memory.
/// </summary>
public sealed class BackupWriter(TimeProvider time)
{
    public static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <param name="mediaFolder">SQLite's folder of cached images (the bytes are not in its database).</param>
    public async Task<BackupManifest> WriteAsync(MonitorDbContext db, Stream output, bool includeMedia, string mediaFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var snapshot = await BackupSource.OpenAsync(db, cancellationToken);
        var migration = await snapshot.LastMigrationAsync(cancellationToken)
            ?? throw new BackupRefusedException("The database has no migrations applied: there is nothing to back up.");

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var tables = new List<BackupManifestTable>();
        foreach (var table in BackupTables.From(db.Model).Where(t => includeMedia || !t.IsMedia))
        {
            var entry = zip.CreateEntry(table.EntryName, CompressionLevel.Fastest);
            await using var entryStream = await entry.OpenAsync(cancellationToken);
            await using var hashing = new HashingStream(entryStream);
            var rows = await WriteRowsAsync(snapshot, table, hashing, cancellationToken);
            tables.Add(new BackupManifestTable(table.Name, table.EntryName, table.Columns.Select(c => c.Name).ToList(), rows, hashing.HashHex()));
        }

        var media = includeMedia ? await BackupMedia.WriteAsync(snapshot, zip, mediaFolder, cancellationToken) : [];
        var manifest = new BackupManifest(
            BackupManifest.CurrentFormatVersion,
            AppVersion(),
            MigrationNames.NameOf(migration),
            migration,
            snapshot.Provider.ToString(),
            time.GetUtcNow().UtcDateTime,
            includeMedia,
            tables,
            media);
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson);
        await WriteEntryAsync(zip, BackupManifest.EntryName, manifestBytes, cancellationToken);
        await WriteEntryAsync(zip, BackupManifest.ChecksumEntryName, System.Text.Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(manifestBytes))), cancellationToken);
        return manifest;
    }

    private static async Task<long> WriteRowsAsync(BackupSource snapshot, BackupTable table, Stream output, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        var order = string.Join(", ", table.KeyColumns.Select(k => OrderBy(snapshot, table, k)));
        await using var command = snapshot.CreateCommand($"SELECT {columns} FROM {Quote(table.Name)} ORDER BY {order}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await using var json = new Utf8JsonWriter(output);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            json.WriteStartArray();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                ArchiveValues.Write(json, ArchiveValues.Read(reader, i, table.Columns[i].Property));
            }

            json.WriteEndArray();
            await json.FlushAsync(cancellationToken);
            await output.WriteAsync("\n"u8.ToArray(), cancellationToken);
            json.Reset(output);
            rows++;
        }

        return rows;
    }

    /// <summary>Text keys in byte order on both providers, so an entry's hash is the same whichever database wrote it.</summary>
    private static string OrderBy(BackupSource snapshot, BackupTable table, string column)
    {
        var isText = table.Columns.Single(c => c.Name == column).Property.ClrType == typeof(string);
        return isText && snapshot.Provider == DatabaseProvider.Postgres ? $"{Quote(column)} COLLATE \"C\"" : Quote(column);
    }

    internal static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    internal static async Task WriteEntryAsync(ZipArchive zip, string name, byte[] bytes, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(bytes, cancellationToken);
    }

    private static string AppVersion() =>
        typeof(BackupWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
