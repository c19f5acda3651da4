using Monitor.Core.Runs;

namespace Monitor.Tests.Runs;

public sealed class RetryPolicyTests
{
    private const int MaxAttempts = 3;
    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(30);

    [Theory]
    // A transient failure: backoff doubles, then the attempts run out.
    [InlineData(MonitoringStatus.Failed, RunFailureReason.UpstreamUnavailable, 1, MonitoringTrigger.Scheduled, true, RetryDecision.Retrying, 30)]
    [InlineData(MonitoringStatus.Failed, RunFailureReason.UpstreamUnavailable, 2, MonitoringTrigger.Scheduled, true, RetryDecision.Retrying, 60)]
    [InlineData(MonitoringStatus.Failed, RunFailureReason.UpstreamUnavailable, 3, MonitoringTrigger.Scheduled, true, RetryDecision.GaveUp, 0)]
    [InlineData(MonitoringStatus.Failed, RunFailureReason.UpstreamRateLimited, 1, MonitoringTrigger.Manual, true, RetryDecision.Retrying, 30)]
    [InlineData(MonitoringStatus.Failed, RunFailureReason.UpstreamTimeout, 2, MonitoringTrigger.Manual, false, RetryDecision.Retrying, 60)]
    [InlineData(MonitoringStatus.Failed, RunFailureReason.UpstreamInvalidResponse, 1, MonitoringTrigger.Scheduled, true, RetryDecision.Retrying, 30)]
    [InlineData(MonitoringStatus.Failed, RunFailureReason.Database, 1, MonitoringTrigger.Scheduled, true, RetryDecision.Retrying, 30)]
    [InlineData(MonitoringStatus.Failed, RunFailureReason.Unexpected, 3, MonitoringTrigger.Manual, true, RetryDecision.GaveUp, 0)]
    // Errors a later attempt cannot fix, whatever the attempt.
    [InlineData(MonitoringStatus.Failed, RunFailureReason.Unauthorized, 1, MonitoringTrigger.Scheduled, true, RetryDecision.NotRetryable, 0)]
    [InlineData(MonitoringStatus.Failed, RunFailureReason.OutOfCredits, 1, MonitoringTrigger.Manual, true, RetryDecision.NotRetryable, 0)]
    [InlineData(MonitoringStatus.Failed, RunFailureReason.AccountPrivate, 1, MonitoringTrigger.Scheduled, true, RetryDecision.NotRetryable, 0)]
    [InlineData(MonitoringStatus.Failed, RunFailureReason.AccountBanned, 1, MonitoringTrigger.Scheduled, true, RetryDecision.NotRetryable, 0)]
    [InlineData(MonitoringStatus.Failed, RunFailureReason.AccountMissing, 2, MonitoringTrigger.Manual, true, RetryDecision.NotRetryable, 0)]
    [InlineData(MonitoringStatus.Failed, RunFailureReason.ProfileDeleted, 1, MonitoringTrigger.Manual, true, RetryDecision.NotRetryable, 0)]
    [InlineData(MonitoringStatus.Failed, RunFailureReason.UpstreamRejected, 1, MonitoringTrigger.Manual, true, RetryDecision.NotRetryable, 0)]
    // Monitoring turned off meanwhile: a scheduled run stops; a manual one (Update Now) still gets its retries.
    [InlineData(MonitoringStatus.Failed, RunFailureReason.UpstreamUnavailable, 1, MonitoringTrigger.Scheduled, false, RetryDecision.MonitoringOff, 0)]
    [InlineData(MonitoringStatus.Interrupted, RunFailureReason.Shutdown, 1, MonitoringTrigger.Scheduled, false, RetryDecision.MonitoringOff, 0)]
    // An interruption is retried at once and spends extra attempts, but not forever.
    [InlineData(MonitoringStatus.Interrupted, RunFailureReason.Shutdown, 1, MonitoringTrigger.Manual, true, RetryDecision.Retrying, 0)]
    [InlineData(MonitoringStatus.Interrupted, RunFailureReason.Abandoned, 3, MonitoringTrigger.Scheduled, true, RetryDecision.Retrying, 0)]
    [InlineData(MonitoringStatus.Interrupted, RunFailureReason.Abandoned, 4, MonitoringTrigger.Scheduled, true, RetryDecision.Retrying, 0)]
    [InlineData(MonitoringStatus.Interrupted, RunFailureReason.Abandoned, 5, MonitoringTrigger.Scheduled, true, RetryDecision.GaveUp, 0)]
    public void Decide_OutcomeAttemptAndSettings_GivesThePlan(MonitoringStatus outcome, RunFailureReason reason, int attempt,
        MonitoringTrigger trigger, bool monitoringEnabled, RetryDecision expected, int delaySeconds)
    {
        var plan = RetryPolicy.Decide(outcome, reason, attempt, trigger, monitoringEnabled, MaxAttempts, BaseDelay);

        Assert.Equal(expected, plan.Decision);
        Assert.Equal(TimeSpan.FromSeconds(delaySeconds), plan.Delay);
        Assert.Equal(expected == RetryDecision.Retrying, plan.Retries);
    }

    [Fact]
    public void Decide_MaxAttemptsOne_NeverRetriesAFailure()
    {
        var plan = RetryPolicy.Decide(MonitoringStatus.Failed, RunFailureReason.UpstreamUnavailable, 1, MonitoringTrigger.Manual, true, 1, BaseDelay);

        Assert.Equal(RetryDecision.GaveUp, plan.Decision);
    }

    [Theory]
    [InlineData(MonitoringStatus.Completed)]
    [InlineData(MonitoringStatus.Running)]
    [InlineData(MonitoringStatus.Pending)]
    public void Decide_NotAFailure_Throws(MonitoringStatus outcome) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            RetryPolicy.Decide(outcome, RunFailureReason.Unexpected, 1, MonitoringTrigger.Manual, true, MaxAttempts, BaseDelay));
}
