namespace Monitor.Core.Dispatch;

/// <summary>What <see cref="RunDispatcher"/> does with a run it claimed: the app executes it (<see cref="MonitoringRunner"/>).</summary>
public interface IClaimedRunExecutor
{
    Task ExecuteAsync(RunClaim claim, CancellationToken cancellationToken);
}
