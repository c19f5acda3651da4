namespace Monitor.Web.Components.Monitoring;

public sealed record UpcomingRun(Guid ProfileId, string Handle, DateTime NextRun, int IntervalHours);
