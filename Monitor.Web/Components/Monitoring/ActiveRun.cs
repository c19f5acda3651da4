using Monitor.Core.Monitoring;

namespace Monitor.Web.Components.Monitoring;

/// <summary>
/// A pending or running run and its progress so far. <see cref="ExpectedPages"/> is the page count of the profile's
/// previous completed run (null when there is none): a feed grows slowly, so it is a fair estimate of the total.
/// </summary>
public sealed record ActiveRun(
    long LogId,
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
