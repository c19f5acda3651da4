using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Media;

/// <summary>
/// Removes blobs no reference points to any more: a deleted profile or post takes its references with it (cascade), and
/// an owner whose image changed points to the new blob.
/// </summary>
internal sealed class MediaGarbageCollector(IDbContextFactory<MonitorDbContext> contextFactory, IMediaBlobStore store)
{
    private const int PageSize = 500;

    /// <returns>Blobs removed.</returns>
    public async Task<int> CollectAsync(CancellationToken cancellationToken)
    {
        var removed = 0;
        while (true)
        {
            List<string> orphans;
            await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
            {
                orphans = await db.MediaBlobs.AsNoTracking()
                    .Where(b => !db.Set<MediaReference>().Any(r => r.Hash == b.Hash))
                    .OrderBy(b => b.Hash)
                    .Select(b => b.Hash)
                    .Take(PageSize)
                    .ToListAsync(cancellationToken);
            }

            if (orphans.Count == 0)
            {
                return removed;
            }

            await store.DeleteAsync(orphans, cancellationToken);
            removed += orphans.Count;
        }
    }
}
