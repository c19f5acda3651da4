using Monitor.Core.Runs;

namespace Monitor.Tests.Statistics;

/// <summary>A scheduled run of a profile that ended at a given time after running for a given number of seconds.</summary>
internal static class EndedRun
{
    public static MonitoringRun Of(Guid profileId, MonitoringStatus status, DateTime ended, int seconds, int requests = 10) => new()
    {
        ProfileId = profileId,
        Status = status,
        Trigger = MonitoringTrigger.Scheduled,
        CreatedAt = ended.AddSeconds(-seconds),
        ScheduledFor = ended.AddSeconds(-seconds),
        StartedAt = ended.AddSeconds(-seconds),
        CompletedAt = ended,
        RequestsMade = requests,
    };
}
