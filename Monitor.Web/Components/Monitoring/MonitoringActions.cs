using Monitor.Core.Common;
using Monitor.Core.RunQueries;
using Monitor.Core.Scheduling;
namespace Monitor.Web.Components.Monitoring;

/// <summary>The dashboard's side of monitoring: the scheduler's and the queries' services, the same ones the API calls.</summary>
public sealed class MonitoringActions(ProfileSchedule settings, MonitoringScheduleService schedule, MonitoringQueries queries, MonitoringSweep sweep) : IMonitoringActions
{
    public Task<ProfileMonitoringStatus?> SetMonitoringAsync(Guid profileId, bool enabled, CancellationToken cancellationToken) =>
        settings.ChangeAsync(profileId, new MonitoringSettingsChange(Enabled: enabled), cancellationToken);

    public Task<ProfileMonitoringStatus?> SetIntervalAsync(Guid profileId, int intervalHours, CancellationToken cancellationToken) =>
        settings.ChangeAsync(profileId, new MonitoringSettingsChange(IntervalHours: intervalHours), cancellationToken);

    public Task<ProfileMonitoringStatus?> ChangeSettingsAsync(Guid profileId, MonitoringSettingsChange change, CancellationToken cancellationToken) =>
        settings.ChangeAsync(profileId, change, cancellationToken);

    public Task<ProfileMonitoringStatus?> GetStatusAsync(Guid profileId, CancellationToken cancellationToken) =>
        queries.GetStatusAsync(profileId, cancellationToken);

    public Task<QueuedRun?> QueueUpdateAsync(Guid profileId, CancellationToken cancellationToken) =>
        schedule.QueueManualRunAsync(profileId, cancellationToken);

    public Task<QueuedRun?> QueueFullScanAsync(Guid profileId, CancellationToken cancellationToken) =>
        schedule.QueueManualRunAsync(profileId, cancellationToken, fullScan: true);

    public Task<QueuedRuns> QueueUpdatesAsync(IReadOnlyCollection<Guid> profileIds, CancellationToken cancellationToken) =>
        schedule.QueueManualRunsAsync(profileIds, cancellationToken);

    public Task<MonitoringRunView?> GetActiveRunAsync(Guid profileId, CancellationToken cancellationToken) =>
        queries.GetCurrentRunAsync(profileId, cancellationToken);

    public Task<PagedResult<MonitoringLogView>> GetLogsAsync(Guid profileId, int page, int pageSize, CancellationToken cancellationToken) =>
        queries.GetLogsAsync(profileId, page, pageSize, cancellationToken);

    public Task<MonitoringQueueStats> GetQueueStatsAsync(CancellationToken cancellationToken) => queries.GetQueueStatsAsync(cancellationToken);

    public Task<IReadOnlyList<MonitoringRunView>> GetRunsInProgressAsync(CancellationToken cancellationToken) =>
        queries.GetRunsInProgressAsync(cancellationToken);

    public Task<IReadOnlyList<UpcomingRun>> GetUpcomingRunsAsync(int limit, CancellationToken cancellationToken) =>
        queries.GetUpcomingRunsAsync(limit, cancellationToken);

    public Task<IReadOnlyList<MonitoringLogView>> GetRecentFailuresAsync(int limit, CancellationToken cancellationToken) =>
        queries.GetRecentFailuresAsync(limit, cancellationToken);

    public Task<int> RunSweepNowAsync(CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);
}
