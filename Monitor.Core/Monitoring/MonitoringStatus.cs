namespace Monitor.Core.Monitoring;

public enum MonitoringStatus
{
    Pending,
    Running,
    Completed,
    Failed,
}
