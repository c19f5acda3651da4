namespace Monitor.Core.Dispatch;

/// <summary>A run to queue in a batch: the profile and when it should start.</summary>
public readonly record struct DueRun(Guid ProfileId, DateTime ScheduledFor);
