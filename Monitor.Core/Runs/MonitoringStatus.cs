namespace Monitor.Core.Runs;

public enum MonitoringStatus
{
    Pending,
    Running,
    Completed,
    Failed,

    /// <summary>Stopped by a shutdown, a crash or a lost heartbeat, not by its own error; a new attempt is queued.</summary>
    Interrupted,
}
