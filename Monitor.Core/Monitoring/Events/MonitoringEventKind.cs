namespace Monitor.Core.Monitoring.Events;

public enum MonitoringEventKind
{
    Queued,
    Started,
    PageCompleted,
    Completed,
    Failed,
}
