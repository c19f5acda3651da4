namespace Monitor.Core.RunQueries;

/// <summary>A monitored profile and when its next scheduled run is due.</summary>
public sealed record UpcomingRun(Guid ProfileId, string Handle, DateTime? NextMonitoringRun, int IntervalHours);
