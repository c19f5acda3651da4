using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Media;

namespace Monitor.Core.Backups;

/// <summary>Backup and restore of this app's own database (and its media folder on SQLite): the command line, the admin page and the job call this.</summary>
public sealed class BackupService(IDbContextFactory<MonitorDbContext> contextFactory, DatabaseSettings database, TimeProvider time)
{
    public string MediaFolder => Path.Combine(database.DataDirectory, FileMediaBlobStore.FolderName);

    /// <summary>Writes the archive to <paramref name="path"/>: aside first and moved into place, so a half-written file never carries the name.</summary>
    public async Task<BackupManifest> CreateFileAsync(string path, bool includeMedia, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Guid.NewGuid():N}.partial";
        try
        {
            BackupManifest manifest;
            await using (var file = File.Create(temporary))
            {
                manifest = await CreateAsync(file, includeMedia, cancellationToken);
            }

            File.Move(temporary, full, overwrite: true);
            return manifest;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<BackupManifest> CreateAsync(Stream output, bool includeMedia, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await new BackupWriter(time).WriteAsync(db, output, includeMedia, MediaFolder, cancellationToken);
    }

    /// <summary>Verifies the archive, then replaces every app table's rows with its own (or changes nothing).</summary>
    public async Task<RestoreResult> RestoreAsync(string path, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await BackupRestorer.RestoreAsync(db, path, MediaFolder, cancellationToken);
    }

    /// <summary>Verifies the archive without restoring it: what the admin page shows before asking to confirm.</summary>
    public static async Task<BackupManifest> VerifyAsync(string path, CancellationToken cancellationToken)
    {
        using var archive = await BackupArchive.OpenVerifiedAsync(path, cancellationToken);
        return archive.Manifest;
    }
}
