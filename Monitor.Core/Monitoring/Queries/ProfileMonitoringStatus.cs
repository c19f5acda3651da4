namespace Monitor.Core.Monitoring.Queries;

/// <summary>Monitoring of one profile: its schedule, the run in progress if any, and the latest attempts.</summary>
public sealed record ProfileMonitoringStatus(
    Guid ProfileId,
    bool Enabled,
    int IntervalHours,
    DateTime? LastMonitoringRun,
    DateTime? NextMonitoringRun,
    MonitoringRunView? CurrentRun,
    IReadOnlyList<MonitoringLogView> RecentLogs);
