using Monitor.Core.Runs;

namespace Monitor.Core.Dispatch;

/// <summary>A row the queue's claim moved from pending to running, as the claim statement returned it.</summary>
internal sealed record ClaimedRun(long Id, Guid ProfileId, Guid Token, MonitoringTrigger Trigger, int Attempt, bool FullScanRequested);
