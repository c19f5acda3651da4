using Monitor.Core.Monitoring;

namespace Monitor.Web.Components.Monitoring;

public sealed record LogRow(
    long Id,
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
    string? Note)
{
    public TimeSpan? Duration => StartedAt is { } start && CompletedAt is { } end ? end - start : null;
}
