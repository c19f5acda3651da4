using Monitor.Core.Common;

namespace Monitor.Core.Runs;

/// <summary>
/// Whether a failed or interrupted attempt gets another, and when. Pure: the same outcome, attempt and settings always
/// give the same plan, so the table of tests is the specification.
/// </summary>
public static class RetryPolicy
{
    /// <summary>
    /// An interruption is not the run's fault (a deploy, a crash elsewhere in the process), so it does not spend the
    /// normal attempts; but a run that takes its process down every time must still end, so it gets this many more.
    /// </summary>
    public const int ExtraAttemptsForInterruptions = 2;

    public static RetryPlan Decide(
        MonitoringStatus outcome,
        RunFailureReason reason,
        int attempt,
        MonitoringTrigger trigger,
        bool monitoringEnabled,
        int maxAttempts,
        TimeSpan retryBaseDelay)
    {
        if (outcome is not (MonitoringStatus.Failed or MonitoringStatus.Interrupted))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Only a failed or interrupted attempt has a retry plan.");
        }

        if (!IsRetryable(reason))
        {
            return new(RetryDecision.NotRetryable, TimeSpan.Zero);
        }

        if (trigger == MonitoringTrigger.Scheduled && !monitoringEnabled)
        {
            return new(RetryDecision.MonitoringOff, TimeSpan.Zero);
        }

        if (outcome == MonitoringStatus.Interrupted)
        {
            return attempt < maxAttempts + ExtraAttemptsForInterruptions
                ? new(RetryDecision.Retrying, TimeSpan.Zero)
                : new(RetryDecision.GaveUp, TimeSpan.Zero);
        }

        return Backoff.Doubling(retryBaseDelay, maxAttempts).After(attempt) is { } delay
            ? new(RetryDecision.Retrying, delay)
            : new(RetryDecision.GaveUp, TimeSpan.Zero);
    }

    /// <summary>False where a later attempt cannot succeed.</summary>
    public static bool IsRetryable(RunFailureReason reason) => reason is not (RunFailureReason.Unauthorized
        or RunFailureReason.OutOfCredits or RunFailureReason.AccountPrivate or RunFailureReason.AccountBanned
        or RunFailureReason.AccountMissing or RunFailureReason.ProfileDeleted or RunFailureReason.UpstreamRejected);
}
