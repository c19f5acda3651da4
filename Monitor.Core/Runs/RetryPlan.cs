namespace Monitor.Core.Runs;

/// <summary>The retry policy's answer: the decision and, when retrying, how long the next attempt waits.</summary>
public sealed record RetryPlan(RetryDecision Decision, TimeSpan Delay)
{
    public bool Retries => Decision == RetryDecision.Retrying;
}
