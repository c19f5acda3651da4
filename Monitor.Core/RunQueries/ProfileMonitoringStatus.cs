using Monitor.Core.Profiles;
using Monitor.Core.Scans;

namespace Monitor.Core.RunQueries;

/// <summary>Monitoring of one profile: its schedule, the run in progress if any, and the latest attempts (newest first).</summary>
public sealed record ProfileMonitoringStatus(
    Guid ProfileId,
    bool Enabled,
    int IntervalHours,
    DateTime? LastMonitoringRun,
    DateTime? NextMonitoringRun,
    MonitoringRunView? CurrentRun,
    IReadOnlyList<MonitoringLogView> Logs,
    ScanMode ScanMode = ScanMode.Full,
    IReadOnlyList<ScanRungView>? ScanSteps = null,
    bool ExcludeUnseenPosts = false)
{
    /// <summary>The profile's own name for <see cref="Enabled"/>, so a client reading either finds it.</summary>
    public bool MonitoringEnabled => Enabled;
}
