namespace Monitor.Core.Monitoring.Events;

/// <summary>A step of one monitoring run, as the dashboard sees it live.</summary>
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
    ProfileTotals? Totals = null);
