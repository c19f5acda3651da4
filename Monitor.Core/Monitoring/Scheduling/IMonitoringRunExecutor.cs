namespace Monitor.Core.Monitoring.Scheduling;

/// <summary>Runs one attempt for a pending log. Production uses <see cref="MonitoringRunner"/>; tests substitute the upstream here.</summary>
internal interface IMonitoringRunExecutor
{
    Task<RunOutcome> RunAsync(long logId, CancellationToken cancellationToken);
}
