namespace Monitor.Core.LiveEvents;

public enum MonitoringEventKind
{
    Queued,
    Started,
    PageCompleted,
    Completed,
    Failed,

    /// <summary>Stopped by a shutdown or found abandoned by the reaper; its next attempt is queued.</summary>
    Interrupted,
}
