using Microsoft.EntityFrameworkCore;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Core.Quality;
using Monitor.Core.Runs;
using Monitor.Core.Scans;

namespace Monitor.Core.RunQueries;

/// <summary>Read side of monitoring for the API and the dashboard.</summary>
public sealed class MonitoringQueries(IDbContextFactory<MonitorDbContext> contextFactory, ScanModeService scans, TimeProvider time)
{
    public const int RecentLogCount = 20;
    public const int StatsWindowHours = 24;
    public const int MaxPageSize = 500;
    public const int MaxRunsInProgress = 200;

    /// <summary>The profile and its runs as of one moment (one snapshot), so a run closing meanwhile shows in both or neither.</summary>
    public async Task<ProfileMonitoringStatus?> GetStatusAsync(Guid profileId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var snapshot = await ReadSnapshot.BeginAsync(db, cancellationToken);
        var profile = await db.Profiles.AsNoTracking()
            .Where(p => p.Id == profileId)
            .Select(p => new { p.MonitoringEnabled, p.MonitoringIntervalHours, p.LastMonitoringRun, p.NextMonitoringRun, p.ScanMode, p.ExcludeUnseenPosts })
            .SingleOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return null;
        }

        var current = await ActiveRuns(db, profileId).FirstOrDefaultAsync(cancellationToken);
        var recent = await LogViews(db.Runs.Where(l => l.ProfileId == profileId)).Take(RecentLogCount).ToListAsync(cancellationToken);
        var rungs = await scans.RungsAsync(db, profileId, profile.ScanMode, profile.MonitoringEnabled, cancellationToken);
        return new ProfileMonitoringStatus(profileId, profile.MonitoringEnabled, profile.MonitoringIntervalHours,
            profile.LastMonitoringRun, profile.NextMonitoringRun, current, recent, profile.ScanMode, rungs, profile.ExcludeUnseenPosts);
    }

    /// <returns>The profile's pending or running run, if any.</returns>
    public async Task<MonitoringRunView?> GetCurrentRunAsync(Guid profileId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ActiveRuns(db, profileId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Pending and running runs of every profile: running first, then by when they may start.</summary>
    public async Task<IReadOnlyList<MonitoringRunView>> GetRunsInProgressAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ActiveRuns(db, null).Take(MaxRunsInProgress).ToListAsync(cancellationToken);
    }

    /// <summary>The profile's runs, newest first; <paramref name="page"/> starts at 1.</summary>
    public async Task<PagedResult<MonitoringLogView>> GetLogsAsync(Guid profileId, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Paging.ClampPage(page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var logs = db.Runs.Where(l => l.ProfileId == profileId);
        var total = await logs.CountAsync(cancellationToken);
        var items = await LogViews(logs).Skip(Paging.Offset(page, pageSize)).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedResult<MonitoringLogView>(items, total, page, pageSize);
    }

    /// <summary>Failed and interrupted runs of every profile, newest first.</summary>
    public async Task<IReadOnlyList<MonitoringLogView>> GetRecentFailuresAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await LogViews(db.Runs.Where(l => l.Status == MonitoringStatus.Failed || l.Status == MonitoringStatus.Interrupted))
            .Take(Math.Clamp(count, 1, MaxPageSize))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UpcomingRun>> GetUpcomingRunsAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Profiles.AsNoTracking()
            .Where(p => p.MonitoringEnabled && p.NextMonitoringRun != null)
            .OrderBy(p => p.NextMonitoringRun)
            .Take(Math.Clamp(count, 1, MaxPageSize))
            .Select(p => new UpcomingRun(p.Id, p.Handle, p.NextMonitoringRun, p.MonitoringIntervalHours))
            .ToListAsync(cancellationToken);
    }

    public async Task<MonitoringQueueStats> GetQueueStatsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var since = now.AddHours(-StatsWindowHours);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.Runs.AsNoTracking()
            .Where(l => l.Status == MonitoringStatus.Pending || l.Status == MonitoringStatus.Running || l.CompletedAt >= since)
            .GroupBy(l => new { l.Status, Delayed = l.Status == MonitoringStatus.Pending && l.ScheduledFor > now })
            .Select(g => new { g.Key.Status, g.Key.Delayed, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(MonitoringStatus status, bool delayed = false) =>
            counts.Where(c => c.Status == status && c.Delayed == delayed).Sum(c => c.Count);
        var waiting = Count(MonitoringStatus.Pending);
        var delayedCount = Count(MonitoringStatus.Pending, delayed: true);
        var active = Count(MonitoringStatus.Running);
        var completed = Count(MonitoringStatus.Completed);
        var failed = Count(MonitoringStatus.Failed);
        return new MonitoringQueueStats(waiting, active, completed, failed, delayedCount, waiting + delayedCount + active + completed + failed,
            StatsWindowHours, $"completed and failed count runs that finished in the last {StatsWindowHours} hours; the others are current");
    }

    private static IQueryable<MonitoringLogView> LogViews(IQueryable<MonitoringRun> logs) =>
        logs.AsNoTracking()
            .OrderByDescending(l => l.CreatedAt)
            .ThenByDescending(l => l.Id)
            .Select(l => new MonitoringLogView(l.Id, l.ProfileId, l.Profile!.Handle, l.Status, l.Trigger, l.Attempt, l.CreatedAt,
                l.ScheduledFor, l.StartedAt, l.CompletedAt, l.PagesScraped, l.PostsScraped, l.RequestsMade, l.Error, l.Note, l.FailureReason, l.RetryDecision,
                l.ScanWindowHours, l.SuspectReason, l.SuspectObserved, l.SuspectBaseline));

    // One query: the expected page count is a correlated subquery, not a lookup per run.
    private static IQueryable<MonitoringRunView> ActiveRuns(MonitorDbContext db, Guid? profileId)
    {
        var active = db.Runs.AsNoTracking()
            .Where(l => l.Status == MonitoringStatus.Pending || l.Status == MonitoringStatus.Running);
        if (profileId is { } id)
        {
            active = active.Where(l => l.ProfileId == id);
        }

        return active
            .OrderByDescending(l => l.Status == MonitoringStatus.Running)
            .ThenBy(l => l.ScheduledFor)
            .Select(l => new MonitoringRunView(l.Id, l.ProfileId, l.Profile!.Handle, l.Status, l.Trigger, l.Attempt, l.CreatedAt,
                l.ScheduledFor, l.StartedAt, l.PagesScraped, l.PostsScraped,
                db.Set<MonitoringRun>().Where(p => p.ProfileId == l.ProfileId && p.Status == MonitoringStatus.Completed)
                    .OrderByDescending(p => p.Id)
                    .Select(p => (int?)p.PagesScraped)
                    .FirstOrDefault()));
    }
}
