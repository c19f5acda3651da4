using Monitor.Core.Runs;

namespace Monitor.Core.Scheduling;

/// <summary>One profile's answer within a batch Update Now (<see cref="QueuedRuns"/>).</summary>
public sealed record ProfileQueuedRun(Guid ProfileId, long LogId, MonitoringStatus Status, MonitoringTrigger Trigger, bool Created);
