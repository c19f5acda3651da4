using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Media;

/// <summary>SQLite: the bytes as files in the data folder (<c>media/ab/abcdef…</c>), the row without them.</summary>
internal sealed class FileMediaBlobStore(IDbContextFactory<MonitorDbContext> contextFactory, DatabaseSettings database, TimeProvider time) : IMediaBlobStore
{
    public const string FolderName = "media";

    public string Root => Path.Combine(database.DataDirectory, FolderName);

    public async Task SaveAsync(string hash, string contentType, byte[] bytes, CancellationToken cancellationToken)
    {
        var path = PathOf(hash);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Written aside and moved into place: a reader never sees half a file.
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.MediaBlobs.AnyAsync(b => b.Hash == hash, cancellationToken))
        {
            return;
        }

        db.MediaBlobs.Add(new MediaBlob { Hash = hash, ContentType = contentType, Size = bytes.Length, CreatedAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            // Another download of the same bytes got there first: the same blob.
        }
    }

    public async Task<StoredMedia?> ReadAsync(string hash, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var contentType = await db.MediaBlobs.AsNoTracking()
            .Where(b => b.Hash == hash)
            .Select(b => b.ContentType)
            .SingleOrDefaultAsync(cancellationToken);
        if (contentType is null)
        {
            return null;
        }

        try
        {
            return new StoredMedia(hash, contentType, await File.ReadAllBytesAsync(PathOf(hash), cancellationToken));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> hashes, CancellationToken cancellationToken)
    {
        foreach (var hash in hashes)
        {
            var path = PathOf(hash);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.MediaBlobs.Where(b => hashes.Contains(b.Hash)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Only ever called with a checked hash (64 hex digits), so the path stays inside the folder.</summary>
    public string PathOf(string hash) => MediaHash.IsValid(hash)
        ? Path.Combine(Root, hash[..2], hash)
        : throw new ArgumentException("Not a media hash.", nameof(hash));
}
