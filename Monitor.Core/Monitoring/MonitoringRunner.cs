using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Data;
using Monitor.Core.Monitoring.Events;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Scraping;

namespace Monitor.Core.Monitoring;

/// <summary>
/// One monitoring attempt for the profile of a pending log: page through the whole feed, write each page
/// (history + upsert) in its own transaction, then recompute the totals and close the log. Independent of how it
/// was started (Quartz job, service call, test); idempotent for a log that is no longer pending.
/// </summary>
public sealed class MonitoringRunner(
    IDbContextFactory<MonitorDbContext> contextFactory,
    ScrapeCreatorsClient upstream,
    PostIngestor ingestor,
    MonitoringEventHub events,
    IOptions<MonitoringOptions> options,
    TimeProvider time,
    ILogger<MonitoringRunner> logger)
{
    public async Task<RunOutcome> RunAsync(long logId, CancellationToken cancellationToken)
    {
        var start = await StartAsync(logId, cancellationToken);
        if (start.Outcome is { } skipped)
        {
            return skipped;
        }

        var log = start.Log!;
        var profile = start.Profile!;
        var pager = new FeedPager(options.Value.MaxPages);
        var requests = 0;
        try
        {
            string? cursor = null;
            do
            {
                if (pager.Pages > 0)
                {
                    await Task.Delay(options.Value.PageDelay, time, cancellationToken);
                }

                requests++;
                var page = await upstream.GetPostsPageAsync(profile.Handle, profile.TiktokUserId, cursor, cancellationToken);
                await ingestor.IngestAsync(profile.Id, page.Posts, time.GetUtcNow().UtcDateTime, cancellationToken);
                cursor = pager.Advance(page.Posts.Select(p => p.AwemeId), page.HasMore, page.NextCursor);
                await RecordProgressAsync(log, pager, requests, cancellationToken);
                Publish(MonitoringEventKind.PageCompleted, log, pager);
            }
            while (cursor is not null);

            var totals = await CompleteAsync(log, profile, pager, requests, cancellationToken);
            logger.LogInformation("Run {LogId} for @{Handle} completed: {Pages} pages, {Posts} posts", log.Id, profile.Handle, pager.Pages, pager.DistinctPosts);
            Publish(MonitoringEventKind.Completed, log, pager, totals: totals);
            return new RunOutcome(log.Id, MonitoringStatus.Completed, pager.Pages, pager.DistinctPosts);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await FailAsync(log, profile, pager, requests, "Interrupted: the worker stopped during the run.", CancellationToken.None);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var (error, retryable) = Describe(ex);
            logger.LogWarning(ex, "Run {LogId} for @{Handle} failed: {Error}", log.Id, profile.Handle, error);
            await FailAsync(log, profile, pager, requests, error, CancellationToken.None);
            return new RunOutcome(log.Id, MonitoringStatus.Failed, pager.Pages, pager.DistinctPosts, error, retryable);
        }
    }

    private async Task<(ProfileMonitoringLog? Log, TiktokProfile? Profile, RunOutcome? Outcome)> StartAsync(long logId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var log = await db.MonitoringLogs.SingleOrDefaultAsync(l => l.Id == logId, cancellationToken);
        if (log is null)
        {
            return (null, null, new RunOutcome(logId, MonitoringStatus.Failed, 0, 0, "The run no longer exists (its profile was deleted)."));
        }

        if (log.Status != MonitoringStatus.Pending)
        {
            // Delivered twice (at-least-once scheduling): the first delivery owns it.
            return (null, null, new RunOutcome(log.Id, log.Status, log.PagesScraped, log.PostsScraped, log.Error));
        }

        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == log.ProfileId, cancellationToken);
        if (profile is null)
        {
            return (null, null, new RunOutcome(logId, MonitoringStatus.Failed, 0, 0, "The profile was deleted."));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var claimed = await db.MonitoringLogs
            .Where(l => l.Id == logId && l.Status == MonitoringStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, MonitoringStatus.Running).SetProperty(l => l.StartedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return (null, null, new RunOutcome(log.Id, MonitoringStatus.Running, 0, 0));
        }

        log.Status = MonitoringStatus.Running;
        log.StartedAt = now;
        Publish(MonitoringEventKind.Started, log, null);
        return (log, profile, null);
    }

    private async Task RecordProgressAsync(ProfileMonitoringLog log, FeedPager pager, int requests, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.MonitoringLogs.Where(l => l.Id == log.Id).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.PagesScraped, pager.Pages)
            .SetProperty(l => l.PostsScraped, pager.DistinctPosts)
            .SetProperty(l => l.RequestsMade, requests), cancellationToken);
    }

    private async Task<ProfileTotals> CompleteAsync(ProfileMonitoringLog log, TiktokProfile profile, FeedPager pager, int requests, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var totals = await ProfileTotalsCalculator.RecomputeAsync(db, profile.Id, now, cancellationToken);
        db.ProfileMetricsHistory.Add(new ProfileMetricsHistory
        {
            ProfileId = profile.Id,
            MonitoringLogId = log.Id,
            TotalPosts = totals.Posts,
            Totals = totals.Metrics,
            RecordedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await AdvanceScheduleAsync(db, profile.Id, now, cancellationToken);
        await CloseLogAsync(db, log.Id, MonitoringStatus.Completed, pager, requests, now, error: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return totals;
    }

    private async Task FailAsync(ProfileMonitoringLog log, TiktokProfile profile, FeedPager pager, int requests, string error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await CloseLogAsync(db, log.Id, MonitoringStatus.Failed, pager, requests, now, Truncate(error, 2000), cancellationToken);
        await AdvanceScheduleAsync(db, profile.Id, now, cancellationToken);
        Publish(MonitoringEventKind.Failed, log, pager, error);
    }

    private static Task<int> CloseLogAsync(MonitorDbContext db, long logId, MonitoringStatus status, FeedPager pager, int requests, DateTime now, string? error, CancellationToken cancellationToken) =>
        db.MonitoringLogs.Where(l => l.Id == logId).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.Status, status)
            .SetProperty(l => l.CompletedAt, now)
            .SetProperty(l => l.PagesScraped, pager.Pages)
            .SetProperty(l => l.PostsScraped, pager.DistinctPosts)
            .SetProperty(l => l.RequestsMade, requests)
            .SetProperty(l => l.Error, error)
            .SetProperty(l => l.Note, pager.StopNote), cancellationToken);

    /// <summary>Success or failure, the next scheduled run moves one interval on; a disabled profile has none.</summary>
    private static Task<int> AdvanceScheduleAsync(MonitorDbContext db, Guid profileId, DateTime now, CancellationToken cancellationToken) =>
        db.Profiles.Where(p => p.Id == profileId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.LastMonitoringRun, now)
            .SetProperty(p => p.NextMonitoringRun, p => p.MonitoringEnabled ? now.AddHours(p.MonitoringIntervalHours) : null)
            .SetProperty(p => p.UpdatedAt, now), cancellationToken);

    private void Publish(MonitoringEventKind kind, ProfileMonitoringLog log, FeedPager? pager, string? error = null, ProfileTotals? totals = null) =>
        events.Publish(new MonitoringEvent(kind, log.ProfileId, log.Id, log.Trigger, log.Attempt, pager?.Pages ?? 0, pager?.DistinctPosts ?? 0,
            time.GetUtcNow().UtcDateTime, error, totals));

    internal static (string Error, bool Retryable) Describe(Exception ex) => ex switch
    {
        ScrapeCreatorsException upstreamError => (upstreamError.Message, upstreamError.IsRetryable),
        ProfileDeletedException => ("The profile was deleted during the run; pages already written were kept until the delete.", false),
        DbUpdateException or System.Data.Common.DbException => ($"Database error: {ex.GetBaseException().Message}", true),
        _ => ($"Unexpected error ({ex.GetType().Name}): {ex.Message}", true),
    };

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
