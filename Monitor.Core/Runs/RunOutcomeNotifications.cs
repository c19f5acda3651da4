using Monitor.Core.Common;

namespace Monitor.Core.Runs;

/// <summary>
/// The hook in the run's close: one outbox row in the close's own transaction, so the outcome survives the run's
/// process and is written once, by whichever node closed the run. Nothing is sent here.
/// </summary>
public static class RunOutcomeNotifications
{
    /// <summary>A completed run's outcome, written by its close in plain SQL: @p0 the profile, @p1 the run, @p2 the time.</summary>
    internal const string InsertCompleted = "INSERT INTO run_notification_events (profile_id, log_id, succeeded, occurred_at) VALUES (@p0, @p1, TRUE, @p2)";

    /// <summary>A run that failed with no further attempt (gave up, or not retryable).</summary>
    public static RunNotificationEvent FinallyFailed(Guid profileId, long runId, DateTime now, string? error) => new()
    {
        ProfileId = profileId,
        LogId = runId,
        Succeeded = false,
        Error = error is null ? null : FieldLimits.Cut(error, FieldLimits.RunErrorLength),
        OccurredAt = now,
    };
}
