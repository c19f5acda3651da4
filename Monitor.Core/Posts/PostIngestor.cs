using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Scraping;

namespace Monitor.Core.Posts;

/// <summary>The one way posts get written, by a run page or by the bulk endpoint: one transaction per batch.</summary>
public sealed class PostIngestor(IDbContextFactory<MonitorDbContext> contextFactory, IPostBatchWriter writer)
{
    public async Task<int> IngestAsync(Guid profileId, IReadOnlyList<PostSnapshot> posts, DateTime observedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var distinct = Deduplicate(posts);
        if (distinct.Count == 0)
        {
            return 0;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var written = await writer.WriteAsync(db, profileId, distinct, observedAt, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>The upstream may repeat a post within a page; the last occurrence wins.</summary>
    internal static List<PostSnapshot> Deduplicate(IReadOnlyList<PostSnapshot> posts)
    {
        var byId = new Dictionary<string, PostSnapshot>(StringComparer.Ordinal);
        foreach (var post in posts)
        {
            byId[post.AwemeId] = post;
        }

        return [.. byId.Values];
    }
}
