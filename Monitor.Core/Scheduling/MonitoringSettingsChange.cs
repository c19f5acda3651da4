using Monitor.Core.Profiles;

namespace Monitor.Core.Scheduling;

/// <summary>A change to a profile's monitoring settings: any subset, applied together by <see cref="ProfileSchedule.ChangeAsync"/>.</summary>
/// <param name="Enabled">Monitoring on or off.</param>
/// <param name="IntervalHours">Hours between scheduled runs (<see cref="MonitoringInterval"/>).</param>
/// <param name="ScanMode">Full or by-age scans.</param>
/// <param name="ExcludeUnseenPosts">Leave posts "not seen since …" out of the totals.</param>
public sealed record MonitoringSettingsChange(bool? Enabled = null, int? IntervalHours = null, ScanMode? ScanMode = null, bool? ExcludeUnseenPosts = null)
{
    public bool IsEmpty => Enabled is null && IntervalHours is null && ScanMode is null && ExcludeUnseenPosts is null;
}
