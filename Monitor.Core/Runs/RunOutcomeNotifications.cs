using Monitor.Core.Common;

namespace Monitor.Core.Runs;

/// <summary>
/// The hook in the run's close: one outbox row in the close's own transaction, so the outcome survives the run's
/// process and is written once, by whichever node closed the run. Nothing is sent here.
/// </summary>
public static class RunOutcomeNotifications
{
    public static RunNotificationEvent Completed(Guid profileId, long runId, DateTime now) =>
        new() { ProfileId = profileId, LogId = runId, Succeeded = true, OccurredAt = now };

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
