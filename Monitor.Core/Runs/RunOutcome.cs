namespace Monitor.Core.Runs;

/// <summary>How one attempt ended, as its delivery saw it.</summary>
public sealed record RunOutcome(
    long LogId,
    MonitoringStatus Status,
    int PagesScraped,
    int PostsScraped,
    string? Error = null,
    RunFailureReason? FailureReason = null,
    RetryDecision? Retry = null)
{
    public bool Succeeded => Status == MonitoringStatus.Completed;

    public bool Retryable => FailureReason is { } reason && RetryPolicy.IsRetryable(reason);
}
