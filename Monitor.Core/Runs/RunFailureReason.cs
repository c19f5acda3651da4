namespace Monitor.Core.Runs;

/// <summary>Why a run failed or was interrupted, stored as a column so that nothing parses the error text back.</summary>
public enum RunFailureReason
{
    UpstreamRateLimited,
    UpstreamUnavailable,
    UpstreamTimeout,
    UpstreamInvalidResponse,
    UpstreamRejected,
    Unauthorized,
    OutOfCredits,
    AccountPrivate,
    AccountBanned,
    AccountMissing,
    ProfileDeleted,
    Database,
    Unexpected,

    /// <summary>The worker stopped (SIGTERM) during the run.</summary>
    Shutdown,

    /// <summary>The run's heartbeat went stale (its process died or could not write) or its process restarted.</summary>
    Abandoned,
}
