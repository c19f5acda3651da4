using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Audience;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Insights.Engagement;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Posts.History;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;

namespace Monitor.Core.Exports;

/// <summary>
/// A profile's data as CSV, streamed row by row from the database: its posts with their current counts, its metrics
/// history in long form (one row per post per snapshot) and its monitoring log.
/// </summary>
public sealed class ProfileExports(IDbContextFactory<MonitorDbContext> contextFactory, TimeProvider time)
{
    /// <summary>The download's file name, e.g. <c>charlidamelio-history-2026-11-27.csv</c>; null for an unknown profile.</summary>
    public async Task<string?> FileNameAsync(Guid profileId, ExportKind kind, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var handle = await db.Profiles.Where(p => p.Id == profileId).Select(p => p.Handle).SingleOrDefaultAsync(cancellationToken);
        var day = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var name = kind == ExportKind.AccountHistory ? "account-history" : kind.ToString().ToLowerInvariant();
        return handle is null ? null : $"{handle}-{name}-{day}.csv";
    }

    public async Task WritePostsAsync(Guid profileId, Stream output, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var csv = new CsvOutput(output);
        await csv.HeaderAsync(["awemeId", "postedAt", "description", .. PostMetrics.All.Select(m => m.CountJsonName),
            .. EngagementRateDefinition.All.Select(d => d.CsvHeader), "durationSeconds", "shareUrl", "firstSeenAt", "lastSeenAt",
            "isPinned", "isAd", "isPaidPartnership", "hasShopProduct", "shopProductUrl", "soundId", "soundTitle", "soundAuthor", "soundIsOriginal", "hashtags"], cancellationToken);
        var posts = db.Posts.AsNoTracking().Where(p => p.ProfileId == profileId).OrderByDescending(p => p.PostedAt).ThenByDescending(p => p.Id)
            .Select(p => new { Post = p, Tags = p.Hashtags.OrderBy(h => h.Tag).Select(h => h.Tag).ToList() });
        await foreach (var row in posts.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var post = row.Post;
            csv.Field(post.AwemeId).Field(post.PostedAt).Field(post.Description).Fields(post.Metrics)
                .Fields(EngagementRates.For(post.Metrics, followersAtPosting: null))
                .Field(post.DurationSeconds).Field(post.ShareUrl).Field(post.FirstSeenAt).Field(post.LastSeenAt)
                .Field(post.IsPinned).Field(post.IsAd).Field(post.IsPaidPartnership).Field(post.HasShopProduct).Field(post.ShopProductUrl)
                .Field(post.SoundId).Field(post.SoundTitle).Field(post.SoundAuthor).Field(post.SoundIsOriginal)
                .Field(string.Join(' ', row.Tags.Select(t => "#" + t)));
            await csv.RowEndAsync(cancellationToken);
        }
    }

    /// <summary>Every snapshot recorded in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public async Task WriteHistoryAsync(Guid profileId, DateTime? from, DateTime? to, Stream output, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var csv = new CsvOutput(output);
        await csv.HeaderAsync(["recordedAt", "awemeId", .. PostMetrics.All.Select(m => m.CountJsonName)], cancellationToken);
        var rows = db.PostMetricsHistory.AsNoTracking().Where(h => h.Post!.ProfileId == profileId);
        if (from is { } start)
        {
            rows = rows.RecordedFrom(start);
        }

        if (to is { } end)
        {
            rows = rows.RecordedBefore(end);
        }

        var ordered = rows.OrderBy(h => h.RecordedAt).ThenBy(h => h.PostId)
            .Select(h => new { h.RecordedAt, h.Post!.AwemeId, h.Metrics });
        await foreach (var row in ordered.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.Field(row.RecordedAt).Field(row.AwemeId).Fields(row.Metrics);
            await csv.RowEndAsync(cancellationToken);
        }
    }

    /// <summary>The account's counters as recorded in [<paramref name="from"/>, <paramref name="to"/>), oldest first (see <see cref="Audience.ProfileAccountSnapshot"/>).</summary>
    public async Task WriteAccountHistoryAsync(Guid profileId, DateTime? from, DateTime? to, Stream output, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var csv = new CsvOutput(output);
        await csv.HeaderAsync(["recordedAt", "followerCount", "followingCount", "likesReceivedCount", "videoCount", "source", "monitoringLogId"], cancellationToken);
        var rows = db.AccountHistory.AsNoTracking().Where(s => s.ProfileId == profileId);
        if (from is { } start)
        {
            rows = rows.Where(s => s.RecordedAt >= start);
        }

        if (to is { } end)
        {
            rows = rows.Where(s => s.RecordedAt < end);
        }

        await foreach (var row in rows.OrderBy(s => s.RecordedAt).ThenBy(s => s.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.Field(row.RecordedAt).Field(row.FollowerCount).Field(row.FollowingCount).Field(row.LikesCount).Field(row.VideoCount)
                .Field(Audience.AccountSnapshotSources.Name(row.Source)).Field(row.MonitoringLogId);
            await csv.RowEndAsync(cancellationToken);
        }
    }

    public async Task WriteLogsAsync(Guid profileId, Stream output, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var csv = new CsvOutput(output);
        await csv.HeaderAsync(["id", "status", "trigger", "attempt", "scheduledFor", "startedAt", "completedAt", "pagesScraped", "postsScraped", "requestsMade", "error", "note"], cancellationToken);
        var logs = db.Runs.AsNoTracking().Where(l => l.ProfileId == profileId).OrderByDescending(l => l.Id);
        await foreach (var log in logs.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.Field(log.Id).Field(log.Status.ToString().ToLowerInvariant()).Field(log.Trigger.ToString().ToLowerInvariant()).Field(log.Attempt)
                .Field(log.ScheduledFor).Field(log.StartedAt).Field(log.CompletedAt)
                .Field(log.PagesScraped).Field(log.PostsScraped).Field(log.RequestsMade).Field(log.Error).Field(log.Note);
            await csv.RowEndAsync(cancellationToken);
        }
    }
}
