namespace Monitor.Core.Monitoring.Queries;

/// <summary>A profile's pending or running run, as the API and dashboard show it.</summary>
public sealed record MonitoringRunView(
    long Id,
    string Status,
    string Trigger,
    int Attempt,
    DateTime ScheduledFor,
    DateTime? StartedAt,
    int PagesScraped,
    int PostsScraped);
