using Monitor.Core.Common;
using Monitor.Core.RunQueries;
using Monitor.Core.Scheduling;
namespace Monitor.Web.Components.Monitoring;

/// <summary>
/// Everything the dashboard asks of monitoring, in one seam (<see cref="MonitoringActions"/>): component tests fake it,
/// the app backs it with the same Core services the API calls.
/// </summary>
public interface IMonitoringActions
{
    /// <returns>The profile's monitoring status, or null when the profile does not exist.</returns>
    Task<ProfileMonitoringStatus?> SetMonitoringAsync(Guid profileId, bool enabled, CancellationToken cancellationToken);

    /// <returns>The profile's monitoring status with the new interval and next run, or null when the profile does not exist.</returns>
    Task<ProfileMonitoringStatus?> SetIntervalAsync(Guid profileId, int intervalHours, CancellationToken cancellationToken);

    /// <returns>The queued run (a pending or running one is reused), or null when the profile does not exist.</returns>
    Task<ProfileMonitoringStatus?> ChangeSettingsAsync(Guid profileId, MonitoringSettingsChange change, CancellationToken cancellationToken);

    Task<ProfileMonitoringStatus?> GetStatusAsync(Guid profileId, CancellationToken cancellationToken);

    Task<QueuedRun?> QueueUpdateAsync(Guid profileId, CancellationToken cancellationToken);

    Task<QueuedRun?> QueueFullScanAsync(Guid profileId, CancellationToken cancellationToken);

    /// <summary>Update Now for the selected profiles, queued in one batch.</summary>
    Task<QueuedRuns> QueueUpdatesAsync(IReadOnlyCollection<Guid> profileIds, CancellationToken cancellationToken);

    /// <returns>The profile's pending or running run, if any.</returns>
    Task<MonitoringRunView?> GetActiveRunAsync(Guid profileId, CancellationToken cancellationToken);

    /// <summary>The profile's runs, newest first; <paramref name="page"/> starts at 1.</summary>
    Task<PagedResult<MonitoringLogView>> GetLogsAsync(Guid profileId, int page, int pageSize, CancellationToken cancellationToken);

    Task<MonitoringQueueStats> GetQueueStatsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<MonitoringRunView>> GetRunsInProgressAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<UpcomingRun>> GetUpcomingRunsAsync(int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<MonitoringLogView>> GetRecentFailuresAsync(int limit, CancellationToken cancellationToken);

    /// <returns>How many runs were newly queued.</returns>
    Task<int> RunSweepNowAsync(CancellationToken cancellationToken);
}
