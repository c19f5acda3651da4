using Monitor.Core.Data;
using Monitor.Core.Profiles;

namespace Monitor.Core.Dispatch;

/// <summary>
/// What a run's close asks of the schedule, inside the close's transaction: store the last run and set the next one.
/// The schedule's owner (<c>Scheduling.ProfileSchedule</c>) queues and withdraws runs through <see cref="RunLifecycle"/>,
/// so it sits above this slice and is handed in through this interface (wired in <c>AddMonitoringScheduling</c>).
/// </summary>
public interface IRunCloseSchedule
{
    Task RunClosedAsync(MonitorDbContext db, Guid profileId, DateTime endedAt, AccountState? accountState, CancellationToken cancellationToken);
}
