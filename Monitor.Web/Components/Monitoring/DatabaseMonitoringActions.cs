using Microsoft.EntityFrameworkCore;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Monitoring;
using Monitor.Core.Monitoring.Events;

namespace Monitor.Web.Components.Monitoring;

/// <summary>
/// The interim seam until the scheduler lands: everything is read from and written to the database, and a queued
/// run is started right away on a background task in this process.
/// </summary>
public sealed class DatabaseMonitoringActions(
    IDbContextFactory<MonitorDbContext> contextFactory,
    RunRequestStore runRequests,
    MonitoringEventHub events,
    IServiceScopeFactory scopeFactory,
    TimeProvider time,
    ILogger<DatabaseMonitoringActions> logger) : IMonitoringActions
{
    public static readonly TimeSpan StatsWindow = TimeSpan.FromHours(24);

    public async Task<MonitoringToggleResult?> SetMonitoringAsync(Guid profileId, bool enabled, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        DateTime? next = enabled ? now : null;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Profiles.Where(p => p.Id == profileId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.MonitoringEnabled, enabled)
            .SetProperty(p => p.NextMonitoringRun, next)
            .SetProperty(p => p.UpdatedAt, now), cancellationToken);
        if (updated == 0)
        {
            return null;
        }

        var handle = await db.Profiles.Where(p => p.Id == profileId).Select(p => p.Handle).SingleAsync(cancellationToken);
        return new MonitoringToggleResult(profileId, handle, enabled, next);
    }

    public Task<QueuedRun?> QueueUpdateAsync(Guid profileId, CancellationToken cancellationToken) =>
        QueueAsync(profileId, MonitoringTrigger.Manual, cancellationToken);

    public async Task<ActiveRun?> GetActiveRunAsync(Guid profileId, CancellationToken cancellationToken)
    {
        var runs = await LoadActiveRunsAsync(profileId, cancellationToken);
        return runs.Count == 0 ? null : runs[0];
    }

    public async Task<PagedResult<LogRow>> GetLogsAsync(Guid profileId, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 500);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var logs = db.MonitoringLogs.AsNoTracking().Where(l => l.ProfileId == profileId);
        var total = await logs.CountAsync(cancellationToken);
        var rows = await logs.OrderByDescending(l => l.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(l => new LogRow(l.Id, l.Status, l.Trigger, l.Attempt, l.CreatedAt, l.ScheduledFor, l.StartedAt, l.CompletedAt,
                l.PagesScraped, l.PostsScraped, l.RequestsMade, l.Error, l.Note))
            .ToListAsync(cancellationToken);
        return new PagedResult<LogRow>(rows, total, page, pageSize);
    }

    public async Task<QueueStats> GetQueueStatsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var since = now - StatsWindow;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var logs = db.MonitoringLogs.AsNoTracking();
        var waiting = await logs.CountAsync(l => l.Status == MonitoringStatus.Pending && l.ScheduledFor <= now, cancellationToken);
        var delayed = await logs.CountAsync(l => l.Status == MonitoringStatus.Pending && l.ScheduledFor > now, cancellationToken);
        var active = await logs.CountAsync(l => l.Status == MonitoringStatus.Running, cancellationToken);
        var completed = await logs.CountAsync(l => l.Status == MonitoringStatus.Completed && l.CompletedAt >= since, cancellationToken);
        var failed = await logs.CountAsync(l => l.Status == MonitoringStatus.Failed && l.CompletedAt >= since, cancellationToken);
        return new QueueStats(waiting, active, completed, failed, delayed, StatsWindow);
    }

    public Task<IReadOnlyList<ActiveRun>> GetRunsInProgressAsync(CancellationToken cancellationToken) =>
        LoadActiveRunsAsync(null, cancellationToken);

    public async Task<IReadOnlyList<UpcomingRun>> GetUpcomingRunsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Profiles.AsNoTracking()
            .Where(p => p.MonitoringEnabled && p.NextMonitoringRun != null)
            .OrderBy(p => p.NextMonitoringRun)
            .Take(Math.Clamp(limit, 1, 500))
            .Select(p => new UpcomingRun(p.Id, p.Handle, p.NextMonitoringRun!.Value, p.MonitoringIntervalHours))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RunFailure>> GetRecentFailuresAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.MonitoringLogs.AsNoTracking()
            .Where(l => l.Status == MonitoringStatus.Failed)
            .OrderByDescending(l => l.Id)
            .Take(Math.Clamp(limit, 1, 500))
            .Select(l => new RunFailure(l.Id, l.ProfileId, l.Profile!.Handle, l.Trigger, l.Attempt, l.CompletedAt ?? l.CreatedAt, l.Error))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> RunSweepNowAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<Guid> due;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Profiles.AsNoTracking()
                .Where(p => p.MonitoringEnabled && p.NextMonitoringRun != null && p.NextMonitoringRun <= now)
                .Select(p => p.Id)
                .ToListAsync(cancellationToken);
        }

        var queued = 0;
        foreach (var profileId in due)
        {
            if (await QueueAsync(profileId, MonitoringTrigger.Scheduled, cancellationToken) is { Created: true })
            {
                queued++;
            }
        }

        return queued;
    }

    private async Task<QueuedRun?> QueueAsync(Guid profileId, MonitoringTrigger trigger, CancellationToken cancellationToken)
    {
        var request = await runRequests.RequestAsync(profileId, trigger, 1, null, cancellationToken);
        if (request is null)
        {
            return null;
        }

        var log = request.Log;
        if (request.Created)
        {
            events.Publish(new MonitoringEvent(MonitoringEventKind.Queued, log.ProfileId, log.Id, log.Trigger, log.Attempt, 0, 0, time.GetUtcNow().UtcDateTime));
            _ = Task.Run(() => RunInBackgroundAsync(log.Id), CancellationToken.None);
        }

        return new QueuedRun(log.Id, request.Created, log.Status);
    }

    private async Task RunInBackgroundAsync(long logId)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var runner = scope.ServiceProvider.GetRequiredService<MonitoringRunner>();
            await runner.RunAsync(logId, CancellationToken.None);
        }
#pragma warning disable CA1031 // A background run has no caller to throw to; the runner already closed its log.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Background run {LogId} failed outside the runner", logId);
        }
    }

    private async Task<IReadOnlyList<ActiveRun>> LoadActiveRunsAsync(Guid? profileId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var active = db.MonitoringLogs.AsNoTracking()
            .Where(l => l.Status == MonitoringStatus.Pending || l.Status == MonitoringStatus.Running);
        if (profileId is { } id)
        {
            active = active.Where(l => l.ProfileId == id);
        }

        return await active
            .OrderByDescending(l => l.Status == MonitoringStatus.Running)
            .ThenBy(l => l.ScheduledFor)
            .Take(200)
            .Select(l => new ActiveRun(l.Id, l.ProfileId, l.Profile!.Handle, l.Status, l.Trigger, l.Attempt, l.CreatedAt, l.ScheduledFor,
                l.StartedAt, l.PagesScraped, l.PostsScraped,
                db.MonitoringLogs.Where(p => p.ProfileId == l.ProfileId && p.Status == MonitoringStatus.Completed)
                    .OrderByDescending(p => p.Id).Select(p => (int?)p.PagesScraped).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }
}
