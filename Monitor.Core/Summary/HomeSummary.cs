namespace Monitor.Core.Summary;

/// <summary>A handful of figures for a home-lab dashboard (Homepage, Homarr, Grafana's JSON source).</summary>
/// <param name="Profiles">Profiles added.</param>
/// <param name="Monitored">Profiles with monitoring on.</param>
/// <param name="RunsToday">Runs that ended today (completed, failed or interrupted), in <paramref name="TimeZone"/>.</param>
/// <param name="FailuresToday">Runs that ended failed today.</param>
/// <param name="CreditsThisMonth">Credits counted since the first of this month, in <paramref name="TimeZone"/>.</param>
/// <param name="Today">The day the "today" figures count, in <paramref name="TimeZone"/>.</param>
/// <param name="TimeZone">The zone whose midnight starts a day (Monitoring:TimeZone).</param>
/// <param name="Version">The app's version.</param>
public sealed record HomeSummary(
    int Profiles,
    int Monitored,
    int RunsToday,
    int FailuresToday,
    long CreditsThisMonth,
    DateOnly Today,
    string TimeZone,
    string Version);
