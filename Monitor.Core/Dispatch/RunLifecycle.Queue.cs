using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Monitor.Core.LiveEvents;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Scans;

namespace Monitor.Core.Dispatch;

/// <summary>The queue's side of a run: the batch claim of due runs, the next due time, and handing a claimed run back.</summary>
public sealed partial class RunLifecycle
{
    /// <summary>
    /// Claims up to <paramref name="max"/> pending runs due by <paramref name="due"/>, manual runs first, then by due
    /// time (<see cref="DueRunClaimer"/>): each becomes running with its own claim token and a first heartbeat, as
    /// <see cref="ClaimAsync"/> does for one run, and gets the posts it reads fixed (<see cref="ScanPlanner"/>).
    /// </summary>
    /// <param name="due">The queue's clock: the wall clock, as the scheduler it replaced; the rows are stamped with the app's.</param>
    public async Task<IReadOnlyList<RunClaim>> ClaimDueAsync(int max, DateTime due, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return [];
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var claimed = await DueRunClaimer.ClaimAsync(db, max, due, now, cancellationToken);
        if (claimed.Count == 0)
        {
            return [];
        }

        var mayNarrow = claimed.Where(c => !c.FullScanRequested).Select(c => c.ProfileId).ToList();
        var byAge = mayNarrow.Count == 0 ? [] : await db.Profiles
            .Where(p => mayNarrow.Contains(p.Id) && p.ScanMode == ScanMode.ByAge)
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        var claims = new List<RunClaim>(claimed.Count);
        foreach (var run in claimed)
        {
            var claim = new RunClaim(run.Id, run.ProfileId, run.Token, run.Trigger, run.Attempt);
            if (!run.FullScanRequested && byAge.Contains(run.ProfileId))
            {
                var history = await ScanHistories.LoadAsync(db, run.ProfileId, cancellationToken);
                var scope = scans.ScopeFor(ScanMode.ByAge, run.Trigger, run.FullScanRequested, history, now);
                await OwnedBy(db, claim).ExecuteUpdateAsync(s => s.SetProperty(l => l.ScanWindowHours, scope.WindowHours), cancellationToken);
                claim = claim with { Scope = ScanScope.FromWindowHours(scope.WindowHours) };
            }

            events.Publish(new MonitoringEvent(MonitoringEventKind.Started, run.ProfileId, run.Id, run.Trigger, run.Attempt, 0, 0, now,
                Status: MonitoringStatus.Running));
            claims.Add(claim);
        }

        return claims;
    }

    /// <returns>When the earliest pending run is due (the queue's next wake-up), or null when none waits.</returns>
    public async Task<DateTime?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await DueRunClaimer.NextDueAsync(db, cancellationToken);
    }

    /// <summary>
    /// A run claimed as its worker began to stop goes back to the queue untouched: pending again, without a claim, for
    /// another worker or the next start. Conditional on the claim, like every write of a claimed run.
    /// </summary>
    /// <returns>False when the run was no longer this claim's.</returns>
    public async Task<bool> HandBackAsync(RunClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var handedBack = await OwnedBy(db, claim).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.Status, MonitoringStatus.Pending)
            .SetProperty(l => l.ClaimToken, (Guid?)null)
            .SetProperty(l => l.StartedAt, (DateTime?)null)
            .SetProperty(l => l.HeartbeatAt, (DateTime?)null)
            .SetProperty(l => l.ScanWindowHours, (int?)null), cancellationToken) > 0;
        if (handedBack)
        {
            events.Publish(new MonitoringEvent(MonitoringEventKind.Queued, claim.ProfileId, claim.LogId, claim.Trigger, claim.Attempt, 0, 0,
                time.GetUtcNow().UtcDateTime, Status: MonitoringStatus.Pending));
            logger.LogInformation("Run {LogId} handed back to the queue: this worker is stopping", claim.LogId);
        }

        return handedBack;
    }
}
