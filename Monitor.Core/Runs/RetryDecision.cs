namespace Monitor.Core.Runs;

/// <summary>What followed a failed or interrupted attempt, stored on its log.</summary>
public enum RetryDecision
{
    /// <summary>A new attempt was queued, after a backoff or at once.</summary>
    Retrying,

    /// <summary>The failure was retryable but the attempts ran out (Monitoring:MaxAttempts).</summary>
    GaveUp,

    /// <summary>A later attempt cannot succeed (bad key, no credits, the account private, banned or gone).</summary>
    NotRetryable,

    /// <summary>A scheduled run of a profile whose monitoring was turned off meanwhile.</summary>
    MonitoringOff,
}
