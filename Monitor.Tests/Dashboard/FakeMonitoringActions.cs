using System.Collections.Concurrent;
using Monitor.Core.Common;
using Monitor.Core.Monitoring;
using Monitor.Web.Components.Monitoring;

namespace Monitor.Tests.Dashboard;

/// <summary>The dashboard's one seam to monitoring, faked: answers are set by the test, calls are recorded.</summary>
public sealed class FakeMonitoringActions : IMonitoringActions
{
    public ConcurrentQueue<(Guid ProfileId, bool Enabled)> ToggleCalls { get; } = new();
    public ConcurrentQueue<Guid> QueueCalls { get; } = new();
    public string Handle { get; set; } = "someone";
    public ActiveRun? ActiveRun { get; set; }
    public QueuedRun? QueueResult { get; set; } = new(1, true, MonitoringStatus.Pending);
    public QueueStats Stats { get; set; } = new(0, 0, 0, 0, 0, TimeSpan.FromHours(24));
    public IReadOnlyList<ActiveRun> InProgress { get; set; } = [];
    public IReadOnlyList<UpcomingRun> Upcoming { get; set; } = [];
    public IReadOnlyList<RunFailure> Failures { get; set; } = [];
    public IReadOnlyList<LogRow> Logs { get; set; } = [];
    public int SweepResult { get; set; }

    public Task<MonitoringToggleResult?> SetMonitoringAsync(Guid profileId, bool enabled, CancellationToken cancellationToken)
    {
        ToggleCalls.Enqueue((profileId, enabled));
        return Task.FromResult<MonitoringToggleResult?>(new MonitoringToggleResult(profileId, Handle, enabled, enabled ? DateTime.UtcNow : null));
    }

    public Task<QueuedRun?> QueueUpdateAsync(Guid profileId, CancellationToken cancellationToken)
    {
        QueueCalls.Enqueue(profileId);
        return Task.FromResult(QueueResult);
    }

    public Task<ActiveRun?> GetActiveRunAsync(Guid profileId, CancellationToken cancellationToken) =>
        Task.FromResult(ActiveRun is { } run && run.ProfileId == profileId ? run : null);

    public Task<PagedResult<LogRow>> GetLogsAsync(Guid profileId, int page, int pageSize, CancellationToken cancellationToken) =>
        Task.FromResult(new PagedResult<LogRow>(Logs.Skip((page - 1) * pageSize).Take(pageSize).ToList(), Logs.Count, page, pageSize));

    public Task<QueueStats> GetQueueStatsAsync(CancellationToken cancellationToken) => Task.FromResult(Stats);

    public Task<IReadOnlyList<ActiveRun>> GetRunsInProgressAsync(CancellationToken cancellationToken) => Task.FromResult(InProgress);

    public Task<IReadOnlyList<UpcomingRun>> GetUpcomingRunsAsync(int limit, CancellationToken cancellationToken) => Task.FromResult(Upcoming);

    public Task<IReadOnlyList<RunFailure>> GetRecentFailuresAsync(int limit, CancellationToken cancellationToken) => Task.FromResult(Failures);

    public Task<int> RunSweepNowAsync(CancellationToken cancellationToken) => Task.FromResult(SweepResult);
}
