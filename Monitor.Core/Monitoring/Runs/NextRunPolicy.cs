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
        var reference = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var first = _sweep.GetNextValidTimeAfter(reference);
        var second = first is { } f ? _sweep.GetNextValidTimeAfter(f) : null;
        SweepPeriod = first is { } a && second is { } b ? b - a : TimeSpan.Zero;
    }

    /// <summary>The time between two sweeps (as measured once, from the start of 2024): the sweep's beat.</summary>
    public TimeSpan SweepPeriod { get; }

    /// <returns>The first sweep at or after <paramref name="lastRun"/> plus the interval.</returns>
    public DateTime NextRun(DateTime lastRun, int intervalHours) =>
        FirstSweepAtOrAfter(DateTime.SpecifyKind(lastRun, DateTimeKind.Utc).AddHours(intervalHours));

    /// <returns>The first sweep at or after <paramref name="due"/>: when a run due then really gets queued.</returns>
    public DateTime FirstSweepAtOrAfter(DateTime due)
    {
        var utc = DateTime.SpecifyKind(due, DateTimeKind.Utc);
        var sweep = _sweep.GetNextValidTimeAfter(new DateTimeOffset(utc.AddMilliseconds(-1), TimeSpan.Zero));
        return sweep?.UtcDateTime ?? utc;
    }
}
