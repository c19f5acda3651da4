namespace Monitor.Core.Monitoring;

public enum MonitoringTrigger
{
    Scheduled,
    Manual,
}
