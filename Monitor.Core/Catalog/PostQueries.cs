using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Quality;
using Monitor.Core.Runs;

namespace Monitor.Core.Catalog;

/// <summary>Reads posts and their history in a constant number of queries whatever the page size.</summary>
public sealed class PostQueries(IDbContextFactory<MonitorDbContext> contextFactory, IOptions<QualityOptions> quality)
{
    /// <returns>Null when the profile does not exist.</returns>
    public async Task<PagedResult<PostDto>?> ListAsync(Guid profileId, PostListQuery query, CancellationToken cancellationToken)
    {
        await using var page = await OpenAsync(profileId, query, cancellationToken);
        return page is null
            ? null
            : new PagedResult<PostDto>(await page.Items.ToListAsync(cancellationToken), page.TotalCount, page.Page, page.PageSize);
    }

    /// <summary>
    /// The page's count and rows, read now (an unknown profile is known before anything is written); its items and their
    /// history are read as they are enumerated. Dispose it after the enumeration.
    /// </summary>
    /// <returns>Null when the profile does not exist.</returns>
    public async Task<PostPage?> OpenAsync(Guid profileId, PostListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = Paging.ClampPage(query.Page);
        var pageSize = Math.Clamp(query.PageSize, 1, PostListQuery.MaxPageSize);
        var depth = Math.Clamp(query.HistoryDepth, 0, PostListQuery.MaxHistoryDepth);

        var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            if (!await db.Profiles.AnyAsync(p => p.Id == profileId, cancellationToken))
            {
                await db.DisposeAsync();
                return null;
            }

            var posts = PostFiltering.Apply(db.Posts.AsNoTracking().Where(p => p.ProfileId == profileId), query.Filter);
            var total = await posts.CountAsync(cancellationToken);
            var rows = await PostSorting.Apply(posts, query.SortBy, query.Descending)
                .Skip(Paging.Offset(page, pageSize))
                .Take(pageSize)
                .ToListAsync(cancellationToken);
            return new PostPage(db, rows, depth, quality.Value.UnseenAfterFullScans, total, page, pageSize);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>A post's full history, oldest first, for its chart; null for an unknown post.</summary>
    public async Task<IReadOnlyList<MetricsSnapshotDto>?> HistoryAsync(long postId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var profileId = await db.Posts.Where(p => p.Id == postId).Select(p => (Guid?)p.ProfileId).SingleOrDefaultAsync(cancellationToken);
        if (profileId is null)
        {
            return null;
        }

        // The profile's suspect runs are few: their windows are read once and matched here, rather than probing the
        // runs for each observation (a year of daily runs made that a scan of every run of the database).
        var suspect = await db.Set<MonitoringRun>().AsNoTracking()
            .Where(l => l.ProfileId == profileId && l.SuspectReason != null && l.StartedAt != null)
            .Select(l => new { Start = l.StartedAt!.Value, End = l.CompletedAt })
            .ToListAsync(cancellationToken);
        var rows = await db.PostMetricsHistory.AsNoTracking()
            .Where(h => h.PostId == postId)
            .OrderBy(h => h.RecordedAt)
            .Select(h => new { h.Metrics, h.RecordedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(h => new MetricsSnapshotDto(h.Metrics, h.RecordedAt,
            suspect.Any(l => l.Start <= h.RecordedAt && (l.End is null || h.RecordedAt <= l.End))))];
    }
}
