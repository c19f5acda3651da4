using Monitor.Core.Runs;
using Monitor.Core.Scans;

namespace Monitor.Core.Dispatch;

/// <summary>A run this delivery owns: every later write of it names <see cref="Token"/>.</summary>
public sealed record RunClaim(long LogId, Guid ProfileId, Guid Token, MonitoringTrigger Trigger, int Attempt)
{
    /// <summary>Which posts the run reads, fixed when it was claimed.</summary>
    public ScanScope Scope { get; init; } = ScanScope.Full;
}
