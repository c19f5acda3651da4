using Monitor.Core.Profiles;

namespace Monitor.Core.Scheduling;

/// <summary>What a profile's next run depends on, as stored (or as a change is about to store it).</summary>
/// <param name="LastRun">When the profile's last run ended; null before its first.</param>
/// <param name="NextRun">The next run as stored now.</param>
public sealed record ScheduleFacts(Guid ProfileId, bool Enabled, int IntervalHours, ScanMode ScanMode, DateTime? LastRun, DateTime? NextRun);
