using Monitor.Core.Runs;

namespace Monitor.Core.Scheduling;

/// <summary>The answer to Update Now: the run that will happen; <see cref="Created"/> is false when one was already queued.</summary>
public sealed record QueuedRun(long LogId, MonitoringStatus Status, MonitoringTrigger Trigger, bool Created);
