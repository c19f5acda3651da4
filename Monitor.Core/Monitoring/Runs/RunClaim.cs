namespace Monitor.Core.Monitoring.Runs;

/// <summary>A run this delivery owns: every later write of it names <see cref="Token"/>.</summary>
public sealed record RunClaim(long LogId, Guid ProfileId, Guid Token, MonitoringTrigger Trigger, int Attempt);
