namespace Monitor.Core.Statistics;

/// <summary>
/// How monitoring went over the last <see cref="Days"/> days of the reporting zone: runs that ended, by outcome and by
/// day, their durations, the requests (credits) spent, what is being tracked, and the profiles that need attention.
/// </summary>
public sealed record MonitoringStatistics(
    int Days,
    string TimeZone,
    DateTime From,
    DateTime To,
    int Runs,
    int Completed,
    int Failed,
    int Interrupted,
    double? SuccessRate,
    double? MedianDurationSeconds,
    double? P95DurationSeconds,
    long Requests,
    int ProfilesMonitored,
    int ProfilesTotal,
    long PostsTracked,
    long HistoryRows,
    IReadOnlyList<DailyRunStats> PerDay,
    IReadOnlyList<ProfileRunStats> SlowestProfiles,
    IReadOnlyList<ProfileRunStats> MostFailingProfiles)
{
    /// <summary>Whether <see cref="HistoryRows"/> is PostgreSQL's estimate (a large history is not counted row by row).</summary>
    public bool HistoryRowsEstimated { get; init; }

    /// <summary>Whether <see cref="PostsTracked"/> is PostgreSQL's estimate (past a million posts they are not counted one by one).</summary>
    public bool PostsTrackedEstimated { get; init; }
}
