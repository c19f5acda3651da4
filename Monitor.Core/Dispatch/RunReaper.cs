using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Data;

namespace Monitor.Core.Dispatch;

/// <summary>
/// On every process that executes runs: every <c>Monitoring:ReaperPeriod</c>, runs whose heartbeat is older than
/// <c>Monitoring:StaleRunAfter</c> are interrupted and retried, so no run stays <c>running</c> after its process died
/// or its failure could not be written. Several reapers at once are safe: each close is conditional.
/// </summary>
internal sealed class RunReaper(RunLifecycle lifecycle, IOptions<MonitoringOptions> options, TimeProvider time, ILogger<RunReaper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReaperPeriod, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await lifecycle.ReapAsync(stoppingToken);
                }
                catch (Exception ex) when (DatabaseErrors.IsDatabaseError(ex))
                {
                    // The database is down: the next tick tries again, and nothing else depends on this one.
                    logger.LogWarning(ex, "The run reaper could not reach the database");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
