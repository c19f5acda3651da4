using System.Collections.Concurrent;
using Monitor.Core.Common;
using Monitor.Core.RunQueries;
using Monitor.Core.Runs;
using Monitor.Core.Scheduling;
using Monitor.Web.Components.Monitoring;

namespace Monitor.Tests.Dashboard;

/// <summary>The dashboard's one seam to monitoring, faked: answers are set by the test, calls are recorded.</summary>
public sealed class FakeMonitoringActions : IMonitoringActions
{
    public ConcurrentQueue<(Guid ProfileId, bool Enabled)> ToggleCalls { get; } = new();
    public ConcurrentQueue<Guid> QueueCalls { get; } = new();
    public ConcurrentQueue<IReadOnlyCollection<Guid>> BatchQueueCalls { get; } = new();
    public ConcurrentQueue<(Guid ProfileId, int IntervalHours)> IntervalCalls { get; } = new();
    public ConcurrentQueue<(Guid ProfileId, MonitoringSettingsChange Change)> SettingsCalls { get; } = new();
    public ConcurrentQueue<Guid> FullScanCalls { get; } = new();
    public ProfileMonitoringStatus? Status { get; set; }
    public MonitoringRunView? ActiveRun { get; set; }
    public QueuedRun? QueueResult { get; set; } = new(1, MonitoringStatus.Pending, MonitoringTrigger.Manual, Created: true);
    public MonitoringQueueStats Stats { get; set; } = Queue(0, 0, 0, 0, 0);
    public IReadOnlyList<MonitoringRunView> InProgress { get; set; } = [];
    public IReadOnlyList<UpcomingRun> Upcoming { get; set; } = [];
    public IReadOnlyList<MonitoringLogView> Failures { get; set; } = [];
    public IReadOnlyList<MonitoringLogView> Logs { get; set; } = [];
    public int SweepResult { get; set; }

    public static MonitoringQueueStats Queue(int waiting, int active, int completed, int failed, int delayed) =>
        new(waiting, active, completed, failed, delayed, waiting + active + completed + failed + delayed, MonitoringQueries.StatsWindowHours, "");

    public Task<ProfileMonitoringStatus?> SetMonitoringAsync(Guid profileId, bool enabled, CancellationToken cancellationToken)
    {
        ToggleCalls.Enqueue((profileId, enabled));
        return Task.FromResult<ProfileMonitoringStatus?>(new ProfileMonitoringStatus(profileId, enabled, 24, null, enabled ? DateTime.UtcNow : null, null, []));
    }

    public Task<ProfileMonitoringStatus?> SetIntervalAsync(Guid profileId, int intervalHours, CancellationToken cancellationToken)
    {
        IntervalCalls.Enqueue((profileId, intervalHours));
        return Task.FromResult<ProfileMonitoringStatus?>(new ProfileMonitoringStatus(profileId, true, intervalHours, null, DateTime.UtcNow.AddHours(intervalHours), null, []));
    }

    public Task<ProfileMonitoringStatus?> ChangeSettingsAsync(Guid profileId, MonitoringSettingsChange change, CancellationToken cancellationToken)
    {
        SettingsCalls.Enqueue((profileId, change));
        return GetStatusAsync(profileId, cancellationToken);
    }

    public Task<ProfileMonitoringStatus?> GetStatusAsync(Guid profileId, CancellationToken cancellationToken) =>
        Task.FromResult(Status is { } status && status.ProfileId == profileId ? status : null);

    public Task<QueuedRun?> QueueFullScanAsync(Guid profileId, CancellationToken cancellationToken)
    {
        FullScanCalls.Enqueue(profileId);
        return Task.FromResult(QueueResult);
    }

    public Task<QueuedRun?> QueueUpdateAsync(Guid profileId, CancellationToken cancellationToken)
    {
        QueueCalls.Enqueue(profileId);
        return Task.FromResult(QueueResult);
    }

    public Task<QueuedRuns> QueueUpdatesAsync(IReadOnlyCollection<Guid> profileIds, CancellationToken cancellationToken)
    {
        BatchQueueCalls.Enqueue(profileIds);
        return Task.FromResult(new QueuedRuns([.. profileIds.Select((id, i) => new ProfileQueuedRun(id, i + 1, MonitoringStatus.Pending, MonitoringTrigger.Manual, Created: true))], []));
    }

    public Task<MonitoringRunView?> GetActiveRunAsync(Guid profileId, CancellationToken cancellationToken) =>
        Task.FromResult(ActiveRun is { } run && run.ProfileId == profileId ? run : null);

    public Task<PagedResult<MonitoringLogView>> GetLogsAsync(Guid profileId, int page, int pageSize, CancellationToken cancellationToken) =>
        Task.FromResult(new PagedResult<MonitoringLogView>(Logs.Skip((page - 1) * pageSize).Take(pageSize).ToList(), Logs.Count, page, pageSize));

    public Task<MonitoringQueueStats> GetQueueStatsAsync(CancellationToken cancellationToken) => Task.FromResult(Stats);

    public Task<IReadOnlyList<MonitoringRunView>> GetRunsInProgressAsync(CancellationToken cancellationToken) => Task.FromResult(InProgress);

    public Task<IReadOnlyList<UpcomingRun>> GetUpcomingRunsAsync(int limit, CancellationToken cancellationToken) => Task.FromResult(Upcoming);

    public Task<IReadOnlyList<MonitoringLogView>> GetRecentFailuresAsync(int limit, CancellationToken cancellationToken) => Task.FromResult(Failures);

    public Task<int> RunSweepNowAsync(CancellationToken cancellationToken) => Task.FromResult(SweepResult);
}
