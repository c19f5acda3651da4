using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Data;

namespace Monitor.Core.Notifications.Delivery;

/// <summary>
/// On every process that executes work (and the single SQLite process): every <c>Notifications:PollInterval</c>, one
/// <see cref="NotificationWork"/> pass. Off the run's path: a slow or failing mail server delays only this loop.
/// Several dispatchers at once are safe: events are marked conditionally, deliveries claimed with a token.
/// </summary>
internal sealed class NotificationDispatcher(NotificationWork work, IOptions<NotificationOptions> options, ILogger<NotificationDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time, not the app's TimeProvider: a test's frozen clock must not stop the loop.
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        try
        {
            do
            {
                try
                {
                    await work.RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (DatabaseErrors.IsDatabaseError(ex))
                {
                    logger.LogWarning(ex, "The notification dispatcher could not reach the database");
                }
#pragma warning disable CA1031 // One bad pass must not end notifications for the life of the process; the next tick tries again.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    logger.LogError(ex, "A notification dispatch pass failed");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
