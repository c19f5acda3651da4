using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Media;

/// <summary>PostgreSQL: the bytes in <c>media_blobs.data</c> (bytea), so every node serves what any node downloaded.</summary>
internal sealed class DatabaseMediaBlobStore(IDbContextFactory<MonitorDbContext> contextFactory, TimeProvider time) : IMediaBlobStore
{
    public async Task SaveAsync(string hash, string contentType, byte[] bytes, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.MediaBlobs.AnyAsync(b => b.Hash == hash, cancellationToken))
        {
            return;
        }

        db.MediaBlobs.Add(new MediaBlob
        {
            Hash = hash,
            ContentType = contentType,
            Size = bytes.Length,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            Data = bytes,
        });
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
        var row = await db.MediaBlobs.AsNoTracking()
            .Where(b => b.Hash == hash)
            .Select(b => new { b.ContentType, b.Data })
            .SingleOrDefaultAsync(cancellationToken);
        return row?.Data is null ? null : new StoredMedia(hash, row.ContentType, row.Data);
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> hashes, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.MediaBlobs.Where(b => hashes.Contains(b.Hash)).ExecuteDeleteAsync(cancellationToken);
    }
}
