namespace Monitor.Core.Runs;

public enum MonitoringTrigger
{
    Scheduled,
    Manual,
}
