using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Monitoring.Scheduling;

namespace Monitor.Core.Monitoring.Queries;

/// <summary>Read side of monitoring for the API and the dashboard, plus "run the sweep now".</summary>
public sealed class MonitoringQueries(IDbContextFactory<MonitorDbContext> contextFactory, MonitoringSweep sweep, TimeProvider time)
{
    public const int RecentLogCount = 20;
    public const int StatsWindowHours = 24;

    public async Task<ProfileMonitoringStatus?> GetStatusAsync(Guid profileId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var profile = await db.Profiles.AsNoTracking()
            .Where(p => p.Id == profileId)
            .Select(p => new { p.MonitoringEnabled, p.MonitoringIntervalHours, p.LastMonitoringRun, p.NextMonitoringRun })
            .SingleOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return null;
        }

        var current = await RunRequestStore.FindActiveAsync(db, profileId, cancellationToken);
        var recent = await RecentLogs(db).Where(l => l.ProfileId == profileId).Take(RecentLogCount).ToListAsync(cancellationToken);
        return new ProfileMonitoringStatus(profileId, profile.MonitoringEnabled, profile.MonitoringIntervalHours,
            profile.LastMonitoringRun, profile.NextMonitoringRun, current is null ? null : ToRun(current), [.. recent.Select(ToView)]);
    }

    public async Task<MonitoringRunView?> GetCurrentRunAsync(Guid profileId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var current = await RunRequestStore.FindActiveAsync(db, profileId, cancellationToken);
        return current is null ? null : ToRun(current);
    }

    public async Task<IReadOnlyList<MonitoringLogView>> GetRecentLogsAsync(Guid profileId, int count, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var logs = await RecentLogs(db).Where(l => l.ProfileId == profileId).Take(count).ToListAsync(cancellationToken);
        return [.. logs.Select(ToView)];
    }

    public async Task<IReadOnlyList<MonitoringLogView>> GetRecentFailuresAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var logs = await RecentLogs(db).Where(l => l.Status == MonitoringStatus.Failed).Take(count).ToListAsync(cancellationToken);
        return [.. logs.Select(ToView)];
    }

    public async Task<IReadOnlyList<UpcomingRun>> GetUpcomingRunsAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Profiles.AsNoTracking()
            .Where(p => p.MonitoringEnabled && p.NextMonitoringRun != null)
            .OrderBy(p => p.NextMonitoringRun)
            .Take(count)
            .Select(p => new UpcomingRun(p.Id, p.Handle, p.NextMonitoringRun, p.MonitoringIntervalHours))
            .ToListAsync(cancellationToken);
    }

    public async Task<MonitoringQueueStats> GetQueueStatsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var since = now.AddHours(-StatsWindowHours);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.MonitoringLogs.AsNoTracking()
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

    /// <summary>The sweep the cron job runs, on demand.</summary>
    public Task<int> RunSweepNowAsync(CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);

    private static IQueryable<ProfileMonitoringLog> RecentLogs(MonitorDbContext db) =>
        db.MonitoringLogs.AsNoTracking().OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id);

    internal static MonitoringRunView ToRun(ProfileMonitoringLog log) => new(log.Id, Name(log.Status), Name(log.Trigger), log.Attempt,
        log.ScheduledFor, log.StartedAt, log.PagesScraped, log.PostsScraped);

    internal static MonitoringLogView ToView(ProfileMonitoringLog log) => new(log.Id, log.ProfileId, Name(log.Status), Name(log.Trigger),
        log.Attempt, log.CreatedAt, log.ScheduledFor, log.StartedAt, log.CompletedAt, log.PagesScraped, log.PostsScraped, log.RequestsMade,
        log.Error, log.Note);

    internal static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
