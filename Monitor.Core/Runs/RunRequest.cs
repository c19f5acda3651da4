namespace Monitor.Core.Runs;

/// <summary>A pending or running log for a profile; <see cref="Created"/> is false when an active one was reused.</summary>
public sealed record RunRequest(MonitoringRun Log, bool Created);
