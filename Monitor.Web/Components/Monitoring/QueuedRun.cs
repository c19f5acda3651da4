using Monitor.Core.Monitoring;

namespace Monitor.Web.Components.Monitoring;

/// <summary>A queued run; <see cref="Created"/> is false when a pending or running one was reused.</summary>
public sealed record QueuedRun(long LogId, bool Created, MonitoringStatus Status);
