using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Media;
using Monitor.Core.Monitoring.Quality;

namespace Monitor.Core.Posts;

/// <summary>Reads posts and their history in a constant number of queries whatever the page size.</summary>
public sealed class PostQueries(IDbContextFactory<MonitorDbContext> contextFactory, IOptions<QualityOptions> quality)
{
    /// <returns>Null when the profile does not exist.</returns>
    public async Task<PagedResult<PostDto>?> ListAsync(Guid profileId, PostListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = Paging.ClampPage(query.Page);
        var pageSize = Math.Clamp(query.PageSize, 1, PostListQuery.MaxPageSize);
        var depth = Math.Clamp(query.HistoryDepth, 0, PostListQuery.MaxHistoryDepth);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Profiles.AnyAsync(p => p.Id == profileId, cancellationToken))
        {
            return null;
        }

        var posts = PostFiltering.Apply(db.Posts.AsNoTracking().Where(p => p.ProfileId == profileId), query.Filter);
        var total = await posts.CountAsync(cancellationToken);
        var rows = await PostSorting.Apply(posts, query.SortBy, query.Descending)
            .Skip(Paging.Offset(page, pageSize))
            .Take(pageSize)
            .ToListAsync(cancellationToken);

        var history = await NewestSnapshotsQuery.RunAsync(db, [.. rows.Select(p => p.Id)], depth, cancellationToken);
        var covers = await MediaLinks.CoversAsync(db, [.. rows.Select(p => p.Id)], cancellationToken);
        var hashtags = await PostHashtagsQuery.RunAsync(db, [.. rows.Select(p => p.Id)], cancellationToken);
        var items = rows.Select(p => PostDto.From(p, hashtags.GetValueOrDefault(p.Id),
            depth == 0 ? null : history.GetValueOrDefault(p.Id) ?? [], covers.GetValueOrDefault(p.Id)) with
            {
                NotSeenSince = UnseenPostsService.NotSeenSince(p.MissingFullScans, p.LastSeenAt, quality.Value.UnseenAfterFullScans),
            }).ToList();
        return new PagedResult<PostDto>(items, total, page, pageSize);
    }

    /// <summary>A post's full history, oldest first, for its chart; null for an unknown post.</summary>
    public async Task<IReadOnlyList<MetricsSnapshotDto>?> HistoryAsync(long postId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Posts.AnyAsync(p => p.Id == postId, cancellationToken))
        {
            return null;
        }

        return await db.PostMetricsHistory.AsNoTracking()
            .Where(h => h.PostId == postId)
            .OrderBy(h => h.RecordedAt)
            .Select(h => new MetricsSnapshotDto(h.Metrics, h.RecordedAt,
                db.MonitoringLogs.Any(l => l.Id == h.MonitoringLogId && l.SuspectReason != null)))
            .ToListAsync(cancellationToken);
    }
}
