using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Data;
using Quartz;

namespace Monitor.Core.Monitoring.Scheduling;

/// <summary>
/// What follows a failed attempt: a retryable failure gets a new pending log (Attempt + 1, exponential backoff, same
/// trigger) until <see cref="MonitoringOptions.MaxAttempts"/>; anything else says on the log why it was not retried.
/// Idempotent: a second delivery of the same failure finds a newer log or the verdict already written.
/// </summary>
internal sealed class RunRetries(
    IDbContextFactory<MonitorDbContext> contextFactory,
    RunRequestStore requests,
    RunQueue queue,
    IOptions<MonitoringOptions> options,
    TimeProvider time,
    ILogger<RunRetries> logger)
{
    internal const string NotRetried = " — not retried";
    internal const string GaveUp = " — gave up after";
    internal const string Retrying = " — retrying";
    internal const string Interrupted = "Interrupted: the app stopped during the run";

    public async Task HandleFailureAsync(RunOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var log = await FindLatestFailedAsync(outcome.LogId, cancellationToken);
        if (log is null || HasVerdict(log.Error))
        {
            return;
        }

        var max = options.Value.MaxAttempts;
        if (!outcome.Retryable)
        {
            await AppendAsync(log, $"{NotRetried} (this error cannot succeed on a later attempt).", cancellationToken);
            return;
        }

        if (log.Attempt >= max)
        {
            await AppendAsync(log, $"{GaveUp} {log.Attempt} attempts (Monitoring:MaxAttempts).", cancellationToken);
            return;
        }

        if (log.Trigger == MonitoringTrigger.Scheduled && !await IsMonitoringEnabledAsync(log.ProfileId, cancellationToken))
        {
            await AppendAsync(log, $"{NotRetried}: monitoring was turned off.", cancellationToken);
            return;
        }

        var delay = options.Value.RetryBaseDelay * Math.Pow(2, log.Attempt - 1);
        var retryAt = time.GetUtcNow().UtcDateTime + delay;
        await AppendAsync(log, $"{Retrying} (attempt {log.Attempt + 1} of {max}) in {delay.TotalSeconds:0.###} s.", cancellationToken);
        var request = await requests.RequestAsync(log.ProfileId, log.Trigger, log.Attempt + 1, retryAt, cancellationToken);
        if (request is { Created: true })
        {
            logger.LogInformation("Run {LogId} failed ({Error}); attempt {Attempt} queued as {RetryId} for {RetryAt:O}",
                log.Id, outcome.Error, log.Attempt + 1, request.Log.Id, retryAt);
            await queue.EnqueueAsync(request.Log, replace: false, cancellationToken);
        }
    }

    /// <summary>A run stopped by shutdown is queued again as a new attempt, due now.</summary>
    public async Task RequeueInterruptedAsync(long logId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var log = await db.MonitoringLogs.AsNoTracking().SingleOrDefaultAsync(l => l.Id == logId, cancellationToken);
        if (log is null)
        {
            return;
        }

        var request = await requests.RequestAsync(log.ProfileId, log.Trigger, log.Attempt + 1, null, cancellationToken);
        if (request is not { Created: true })
        {
            return;
        }

        try
        {
            await queue.EnqueueAsync(request.Log, replace: false, cancellationToken);
        }
        catch (SchedulerException ex)
        {
            // The scheduler is shutting down; the pending log is re-queued at the next start.
            logger.LogInformation(ex, "Run {LogId} will be re-queued at the next start", request.Log.Id);
        }
    }

    internal static bool HasVerdict(string? error) =>
        error is not null && (error.Contains(NotRetried, StringComparison.Ordinal)
            || error.Contains(GaveUp, StringComparison.Ordinal)
            || error.Contains(Retrying, StringComparison.Ordinal));

    private async Task<ProfileMonitoringLog?> FindLatestFailedAsync(long logId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var log = await db.MonitoringLogs.AsNoTracking().SingleOrDefaultAsync(l => l.Id == logId, cancellationToken);
        if (log is not { Status: MonitoringStatus.Failed })
        {
            return null;
        }

        var superseded = await db.MonitoringLogs.AnyAsync(l => l.ProfileId == log.ProfileId && l.Id > log.Id, cancellationToken);
        return superseded ? null : log;
    }

    private async Task<bool> IsMonitoringEnabledAsync(Guid profileId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Profiles.AnyAsync(p => p.Id == profileId && p.MonitoringEnabled, cancellationToken);
    }

    private async Task AppendAsync(ProfileMonitoringLog log, string verdict, CancellationToken cancellationToken)
    {
        var error = log.Error ?? "Failed";
        const int max = 2000;
        var text = error.Length + verdict.Length <= max ? error + verdict : error[..(max - verdict.Length)] + verdict;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.MonitoringLogs.Where(l => l.Id == log.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Error, text), cancellationToken);
        log.Error = text;
    }
}
