using Monitor.Core.Profiles;
using Monitor.Core.Runs;

namespace Monitor.Core.LiveEvents;

/// <summary>
/// A step of one monitoring run and the run's view after it, so a page applies it without reading the database.
/// A plain serialisable record (no entities): it may be carried to other processes as JSON.
/// </summary>
/// <param name="Status">The run's status after this step.</param>
/// <param name="Totals">The profile's totals as this step left them: on completion, and on a failure or interruption that wrote pages.</param>
/// <param name="FailureReason">Why a failed or interrupted run ended.</param>
/// <param name="Retry">What followed a failed or interrupted run.</param>
/// <param name="AccountState">Set when the run found the account private, banned or missing and paused monitoring.</param>
public sealed record MonitoringEvent(
    MonitoringEventKind Kind,
    Guid ProfileId,
    long LogId,
    MonitoringTrigger Trigger,
    int Attempt,
    int PagesScraped,
    int PostsScraped,
    DateTime OccurredAt,
    string? Error = null,
    ProfileTotals? Totals = null,
    MonitoringStatus Status = MonitoringStatus.Pending,
    int RequestsMade = 0,
    RunFailureReason? FailureReason = null,
    RetryDecision? Retry = null,
    AccountState? AccountState = null);
