using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Monitor.Core.Data;
using Monitor.Core.Runs;
namespace Monitor.Core.Dispatch;

/// <summary>
/// Makes a restart lose nothing. A pending run needs no repair: its row is its place in the queue. A running run whose
/// process died is found by its heartbeat (<see cref="RunReaper"/>); at start this is one reaper pass at once, and on
/// SQLite, where the one process is the only one that runs anything, every run still marked running is such an orphan.
/// </summary>
internal sealed class MonitoringRecovery(
    IDbContextFactory<MonitorDbContext> contextFactory,
    RunLifecycle lifecycle,
    DatabaseSettings database,
    ILogger<MonitoringRecovery> logger)
{
    internal const string Interrupted = "Interrupted: the app stopped during the run.";

    public async Task RecoverAtStartAsync(CancellationToken cancellationToken)
    {
        var interrupted = 0;
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            List<(long Id, Guid? Token)> running;
            await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
            {
                running = [.. (await db.Runs.AsNoTracking().Where(l => l.Status == MonitoringStatus.Running)
                    .Select(l => new { l.Id, l.ClaimToken }).ToListAsync(cancellationToken)).Select(l => (l.Id, l.ClaimToken))];
            }

            foreach (var (id, token) in running)
            {
                interrupted += await lifecycle.InterruptOrphanAsync(id, token, Interrupted, cancellationToken) is not null ? 1 : 0;
            }
        }

        // On PostgreSQL another node may be running it: only a stale heartbeat says its process is gone.
        interrupted += await lifecycle.ReapAsync(cancellationToken);
        logger.LogInformation("Monitoring recovery: {Interrupted} interrupted run(s) queued again", interrupted);
    }
}
