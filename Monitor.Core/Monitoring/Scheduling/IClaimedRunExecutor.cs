using Monitor.Core.Monitoring.Runs;

namespace Monitor.Core.Monitoring.Scheduling;

/// <summary>What <see cref="RunDispatcher"/> does with a run it claimed: the app executes it (<see cref="MonitoringRunner"/>).</summary>
public interface IClaimedRunExecutor
{
    Task ExecuteAsync(RunClaim claim, CancellationToken cancellationToken);
}
