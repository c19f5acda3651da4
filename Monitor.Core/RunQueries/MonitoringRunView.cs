using Monitor.Core.Runs;

namespace Monitor.Core.RunQueries;

/// <summary>
/// A pending or running run and its progress so far, as the API and dashboard show it. <see cref="ExpectedPages"/> is
/// the page count of the profile's previous completed run (null when there is none): a feed grows slowly, so it is a
/// fair estimate of the total.
/// </summary>
public sealed record MonitoringRunView(
    long Id,
    Guid ProfileId,
    string Handle,
    MonitoringStatus Status,
    MonitoringTrigger Trigger,
    int Attempt,
    DateTime CreatedAt,
    DateTime ScheduledFor,
    DateTime? StartedAt,
    int PagesScraped,
    int PostsScraped,
    int? ExpectedPages);
