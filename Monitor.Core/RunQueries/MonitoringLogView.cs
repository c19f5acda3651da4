using System.Text.Json.Serialization;
using Monitor.Core.Quality;
using Monitor.Core.Runs;

namespace Monitor.Core.RunQueries;

/// <summary>One run attempt from the log, with the handle of its profile.</summary>
public sealed record MonitoringLogView(
    long Id,
    Guid ProfileId,
    string Handle,
    MonitoringStatus Status,
    MonitoringTrigger Trigger,
    int Attempt,
    DateTime CreatedAt,
    DateTime ScheduledFor,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    int PagesScraped,
    int PostsScraped,
    int RequestsMade,
    string? Error,
    string? Note,
    RunFailureReason? FailureReason = null,
    RetryDecision? RetryDecision = null,
    int? ScanWindowHours = null,
    SuspectReason? SuspectReason = null,
    int? SuspectObserved = null,
    int? SuspectBaseline = null)
{
    /// <summary>A completed run whose values were not trusted: kept in the history, not applied until a run confirms them.</summary>
    public bool Suspect => SuspectReason is not null;

    /// <summary>"Suspect: …", derived from the typed columns for display; null for a trusted run.</summary>
    public string? SuspectMessage => SuspectReason is { } reason
        ? SuspectMessages.Chip(reason, SuspectObserved ?? 0, SuspectBaseline ?? 0)
        : null;

    // Derived from the two timestamps the API already returns, so not serialised a second time.
    [JsonIgnore]
    public TimeSpan? Duration => StartedAt is { } start && CompletedAt is { } end ? end - start : null;
}
