namespace Monitor.Core.Monitoring.Queries;

/// <summary>One profile's answer within a batch Update Now (<see cref="QueuedRuns"/>).</summary>
public sealed record ProfileQueuedRun(Guid ProfileId, long LogId, MonitoringStatus Status, MonitoringTrigger Trigger, bool Created);
