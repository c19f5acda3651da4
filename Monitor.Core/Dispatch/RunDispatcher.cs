using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Data;
using Monitor.Core.LiveEvents;
namespace Monitor.Core.Dispatch;

/// <summary>
/// On a process that executes monitoring: keeps up to <c>Monitoring:Concurrency</c> + <c>Monitoring:RunsAhead</c> runs
/// executing, claiming due runs straight from the run rows (<see cref="RunLifecycle.ClaimDueAsync"/>) as slots free up.
/// It looks at the queue when woken: by a run queued in this process or, through the event bridge, on another node
/// (<see cref="RunQueue"/>), by a run of its own ending, at the due time of the earliest waiting run, and every
/// <c>Monitoring:QueuePoll</c> at the latest. On a graceful stop it claims nothing more (<see cref="RunShutdown"/>).
/// </summary>
internal sealed class RunDispatcher(
    RunLifecycle lifecycle,
    RunQueue queue,
    RunShutdown shutdown,
    MonitoringEventHub events,
    IClaimedRunExecutor executor,
    IOptions<MonitoringOptions> options,
    ILogger<RunDispatcher> logger) : BackgroundService
{
    private readonly int _slots = options.Value.Concurrency + options.Value.EffectiveRunsAhead;
    private readonly TimeSpan _poll = options.Value.QueuePoll;
    private int _executing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var heard = events.Subscribe(WakeOnQueued);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, shutdown.Stopping);
        logger.LogInformation("Run dispatcher started: up to {Slots} runs at once, polling every {Poll}", _slots, _poll);
        while (!stop.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await DispatchAsync(stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (DatabaseErrors.IsDatabaseError(ex))
            {
                logger.LogWarning(ex, "The run dispatcher could not reach the database; it looks again in {Poll}", _poll);
                wait = _poll;
            }

            try
            {
                await queue.WaitAsync(wait, stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Claims runs for the free slots and starts them.</summary>
    /// <returns>How long to wait before looking again, unless woken.</returns>
    private async Task<TimeSpan> DispatchAsync(CancellationToken cancellationToken)
    {
        var free = _slots - Volatile.Read(ref _executing);
        if (free <= 0)
        {
            // A run of ours ending rings the queue.
            return _poll;
        }

        // Counted as active while claiming, so a stop that begins now waits for the runs this claim hands out.
        using (shutdown.Enter())
        {
            if (shutdown.Stopping.IsCancellationRequested)
            {
                return _poll;
            }

            var claims = await lifecycle.ClaimDueAsync(free, TimeProvider.System.GetUtcNow().UtcDateTime, cancellationToken);
            foreach (var claim in claims)
            {
                Start(claim);
            }

            if (claims.Count == free)
            {
                // More may be due: look again as soon as a slot frees (at once if one already has).
                return TimeSpan.Zero;
            }
        }

        var next = await lifecycle.NextDueAsync(cancellationToken);
        var untilDue = next is { } at ? at - TimeProvider.System.GetUtcNow().UtcDateTime : _poll;
        // Due already but not claimed: another worker holds it for its claim. Otherwise wake when it falls due.
        return untilDue <= TimeSpan.Zero || untilDue > _poll ? _poll : untilDue;
    }

    private void Start(RunClaim claim)
    {
        Interlocked.Increment(ref _executing);
        var active = shutdown.Enter();
        logger.LogInformation("Run {LogId} claimed from the queue ({Trigger}, attempt {Attempt})", claim.LogId, claim.Trigger, claim.Attempt);
        _ = Task.Run(async () =>
        {
            try
            {
                using (active)
                {
                    await executor.ExecuteAsync(claim, CancellationToken.None);
                }
            }
#pragma warning disable CA1031 // A run's failure is closed by the runner or left to the reaper; the dispatcher goes on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Run {LogId} ended with an unexpected error; the reaper retries it once its heartbeat is stale", claim.LogId);
            }
            finally
            {
                Interlocked.Decrement(ref _executing);
                queue.Wake();
            }
        }, CancellationToken.None);
    }

    private Task WakeOnQueued(MonitoringEvent monitoringEvent)
    {
        if (monitoringEvent.Kind == MonitoringEventKind.Queued)
        {
            queue.Wake();
        }

        return Task.CompletedTask;
    }
}
