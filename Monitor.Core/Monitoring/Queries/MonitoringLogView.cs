namespace Monitor.Core.Monitoring.Queries;

/// <summary>One run attempt from the log.</summary>
public sealed record MonitoringLogView(
    long Id,
    Guid ProfileId,
    string Status,
    string Trigger,
    int Attempt,
    DateTime CreatedAt,
    DateTime ScheduledFor,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    int PagesScraped,
    int PostsScraped,
    int RequestsMade,
    string? Error,
    string? Note);
