namespace Monitor.Core.Scheduling;

/// <summary>What a settings change did, for the work that follows its commit (queueing the first run, withdrawing one).</summary>
internal sealed record AppliedSettings(bool SwitchedOn, bool SwitchedOff, DateTime? NextRun);
