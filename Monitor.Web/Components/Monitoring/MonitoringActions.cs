using Microsoft.EntityFrameworkCore;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Monitoring;
using Monitor.Core.Monitoring.Queries;
using Monitor.Core.Monitoring.Scheduling;

namespace Monitor.Web.Components.Monitoring;

/// <summary>
/// The dashboard's side of monitoring: toggling, Update Now, the sweep and the queue stats go through the scheduler's
/// services (the same ones the API calls); the dashboard-shaped reads (progress with handles, paged logs) live here.
/// </summary>
public sealed class MonitoringActions(
    IDbContextFactory<MonitorDbContext> contextFactory,
    MonitoringScheduleService schedule,
    MonitoringQueries queries) : IMonitoringActions
{

    public async Task<MonitoringToggleResult?> SetMonitoringAsync(Guid profileId, bool enabled, CancellationToken cancellationToken)
    {
        if (await schedule.SetMonitoringAsync(profileId, enabled, cancellationToken) is not { } status)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var handle = await db.Profiles.Where(p => p.Id == profileId).Select(p => p.Handle).SingleOrDefaultAsync(cancellationToken);
        return handle is null ? null : new MonitoringToggleResult(profileId, handle, status.Enabled, status.NextMonitoringRun);
    }

    public async Task<QueuedRun?> QueueUpdateAsync(Guid profileId, CancellationToken cancellationToken) =>
        await schedule.QueueManualRunAsync(profileId, cancellationToken) is { } run
            ? new QueuedRun(run.LogId, run.Created, Enum.Parse<MonitoringStatus>(run.Status, ignoreCase: true))
            : null;

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
        var stats = await queries.GetQueueStatsAsync(cancellationToken);
        return new QueueStats(stats.Waiting, stats.Active, stats.Completed, stats.Failed, stats.Delayed, TimeSpan.FromHours(stats.WindowHours));
    }

    public Task<IReadOnlyList<ActiveRun>> GetRunsInProgressAsync(CancellationToken cancellationToken) =>
        LoadActiveRunsAsync(null, cancellationToken);

    public async Task<IReadOnlyList<UpcomingRun>> GetUpcomingRunsAsync(int limit, CancellationToken cancellationToken)
    {
        var upcoming = await queries.GetUpcomingRunsAsync(Math.Clamp(limit, 1, 500), cancellationToken);
        return [.. upcoming.Select(u => new UpcomingRun(u.ProfileId, u.Handle, u.NextMonitoringRun!.Value, u.IntervalHours))];
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

    public Task<int> RunSweepNowAsync(CancellationToken cancellationToken) => queries.RunSweepNowAsync(cancellationToken);

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
