using System.IO.Compression;
using System.Security.Cryptography;
using Monitor.Core.Data;
using Monitor.Core.Media;

namespace Monitor.Core.Backups;

/// <summary>
/// The cached images as <c>media/&lt;hash&gt;</c> entries, whichever store held them: the <c>data</c> column on PostgreSQL,
/// the media folder on SQLite (an image deleted from the folder since the snapshot is left out).
/// </summary>
internal static class BackupMedia
{
    public const string Prefix = "media/";

    public static async Task<IReadOnlyList<BackupManifestEntry>> WriteAsync(BackupSource snapshot, ZipArchive zip, string mediaFolder, CancellationToken cancellationToken)
    {
        var written = new List<BackupManifestEntry>();
        var sql = snapshot.Provider == DatabaseProvider.Postgres
            ? $"SELECT hash, {BackupTables.MediaDataColumn} FROM media_blobs WHERE {BackupTables.MediaDataColumn} IS NOT NULL ORDER BY hash COLLATE \"C\""
            : "SELECT hash, NULL FROM media_blobs ORDER BY hash";
        await using var command = snapshot.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var hash = reader.GetString(0);
            if (!MediaHash.IsValid(hash))
            {
                continue;
            }

            var bytes = reader.IsDBNull(1) ? await ReadFileAsync(mediaFolder, hash, cancellationToken) : reader.GetFieldValue<byte[]>(1);
            if (bytes is null)
            {
                continue;
            }

            await BackupWriter.WriteEntryAsync(zip, Prefix + hash, bytes, cancellationToken);
            written.Add(new BackupManifestEntry(Prefix + hash, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))));
        }

        return written;
    }

    public static string FilePath(string mediaFolder, string hash) => Path.Combine(mediaFolder, hash[..2], hash);

    private static async Task<byte[]?> ReadFileAsync(string mediaFolder, string hash, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(FilePath(mediaFolder, hash), cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
