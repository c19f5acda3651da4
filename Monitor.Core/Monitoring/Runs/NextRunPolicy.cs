using Quartz;

namespace Monitor.Core.Monitoring.Runs;

/// <summary>
/// When a profile's next scheduled run really starts. A run is due an interval after the last one, but only the sweep
/// (<c>Monitoring:SweepCron</c>, hourly by default) queues due profiles: "next run" is the first sweep at or after the
/// due time, so the dashboard and the API show what will happen rather than a time the app will not act on.
/// </summary>
public sealed class NextRunPolicy
{
    private readonly CronExpression _sweep;

    public NextRunPolicy(string sweepCron)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sweepCron);
        // The sweep's trigger is built from the same expression in the scheduler's default time zone.
        _sweep = new CronExpression(sweepCron);
    }

    /// <returns>The first sweep at or after <paramref name="lastRun"/> plus the interval.</returns>
    public DateTime NextRun(DateTime lastRun, int intervalHours)
    {
        var due = DateTime.SpecifyKind(lastRun, DateTimeKind.Utc).AddHours(intervalHours);
        var sweep = _sweep.GetNextValidTimeAfter(new DateTimeOffset(due.AddMilliseconds(-1), TimeSpan.Zero));
        return sweep?.UtcDateTime ?? due;
    }
}
