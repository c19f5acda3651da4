using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Monitoring;
using Monitor.Core.Monitoring.Scheduling;

namespace Monitor.Tests.Monitoring;

/// <summary>
/// Stands in for the runner at the upstream seam: claims the pending log and closes it as the runner does (same
/// statuses, same schedule advance), while the test scripts what the "upstream" does and watches concurrency.
/// </summary>
internal sealed class FakeRunExecutor(IDbContextFactory<MonitorDbContext> contextFactory, TimeProvider time) : IMonitoringRunExecutor
{
    private readonly ConcurrentDictionary<Guid, int> _perProfile = new();
    private readonly Lock _gate = new();
    private int _current;

    /// <summary>What the upstream does for a run; returns null for success or (error, retryable).</summary>
    public Func<ProfileMonitoringLog, CancellationToken, Task<(string Error, bool Retryable)?>> Upstream { get; set; } = (_, _) => Task.FromResult<(string, bool)?>(null);

    public ConcurrentQueue<ProfileMonitoringLog> Started { get; } = new();
    public ConcurrentQueue<long> Finished { get; } = new();
    public int MaxConcurrent { get; private set; }
    public bool ProfileOverlapSeen { get; private set; }

    public async Task<RunOutcome> RunAsync(long logId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var claimed = await db.MonitoringLogs.Where(l => l.Id == logId && l.Status == MonitoringStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, MonitoringStatus.Running).SetProperty(l => l.StartedAt, now), cancellationToken);
        var log = await db.MonitoringLogs.AsNoTracking().SingleOrDefaultAsync(l => l.Id == logId, cancellationToken);
        if (claimed == 0 || log is null)
        {
            return new RunOutcome(logId, log?.Status ?? MonitoringStatus.Failed, 0, 0, log?.Error);
        }

        Enter(log.ProfileId);
        Started.Enqueue(log);
        try
        {
            var failure = await Upstream(log, cancellationToken);
            await CloseAsync(db, log, failure?.Error, CancellationToken.None);
            return new RunOutcome(logId, failure is null ? MonitoringStatus.Completed : MonitoringStatus.Failed, 1, 1, failure?.Error, failure?.Retryable ?? false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await CloseAsync(db, log, "Interrupted: the worker stopped during the run.", CancellationToken.None);
            throw;
        }
        finally
        {
            Leave(log.ProfileId);
            Finished.Enqueue(logId);
        }
    }

    private async Task CloseAsync(MonitorDbContext db, ProfileMonitoringLog log, string? error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.MonitoringLogs.Where(l => l.Id == log.Id).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.Status, error is null ? MonitoringStatus.Completed : MonitoringStatus.Failed)
            .SetProperty(l => l.CompletedAt, now)
            .SetProperty(l => l.Error, error), cancellationToken);
        await db.Profiles.Where(p => p.Id == log.ProfileId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.LastMonitoringRun, now)
            .SetProperty(p => p.NextMonitoringRun, p => p.MonitoringEnabled ? now.AddHours(p.MonitoringIntervalHours) : null), cancellationToken);
    }

    private void Enter(Guid profileId)
    {
        lock (_gate)
        {
            _current++;
            MaxConcurrent = Math.Max(MaxConcurrent, _current);
        }

        if (_perProfile.AddOrUpdate(profileId, 1, (_, n) => n + 1) > 1)
        {
            ProfileOverlapSeen = true;
        }
    }

    private void Leave(Guid profileId)
    {
        lock (_gate)
        {
            _current--;
        }

        _perProfile.AddOrUpdate(profileId, 0, (_, n) => n - 1);
    }
}
