using Monitor.Core.Monitoring;

namespace Monitor.Web.Components.Monitoring;

public sealed record RunFailure(long LogId, Guid ProfileId, string Handle, MonitoringTrigger Trigger, int Attempt, DateTime FailedAt, string? Error);
