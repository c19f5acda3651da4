using Quartz;

namespace Monitor.Core.Monitoring.Runs;

/// <summary>
/// When a profile's next scheduled run really starts. Each profile has its own slot in its interval, a stable offset
/// derived from its id (as Jenkins' "H" in a cron line), so profiles added or switched on together — whose first runs
/// start at once — do not stay in step afterwards. The next run is the profile's first slot at least half an interval
/// after the last run; once in step with its slot, a profile runs exactly once per interval. Only the sweep
/// (<c>Monitoring:SweepCron</c>, hourly by default) queues due profiles: "next run" is the first sweep at or after the
/// slot, so the dashboard and the API show what will happen rather than a time the app will not act on.
/// </summary>
public sealed class NextRunPolicy
{
    // Slots count from a fixed instant, so a profile's slot stays where it is whatever the last run's time.
    private static readonly DateTime SlotEpoch = DateTime.UnixEpoch;

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

    /// <returns>The sweep that serves the profile's first slot half an interval or more after <paramref name="lastRun"/>.</returns>
    public DateTime NextRun(Guid profileId, DateTime lastRun, int intervalHours) =>
        NextRun(Offset(profileId, intervalHours), lastRun, intervalHours);

    /// <param name="slotOffset">Where in each interval (counted from the Unix epoch) the profile's slot lies.</param>
    public DateTime NextRun(TimeSpan slotOffset, DateTime lastRun, int intervalHours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalHours, 1);
        var interval = TimeSpan.FromHours(intervalHours);
        var earliest = DateTime.SpecifyKind(lastRun, DateTimeKind.Utc) + (interval / 2);
        var firstSlot = SlotEpoch + slotOffset;

        // Start at the last slot before the earliest time: with a sweep sparser than the interval, its sweep may
        // still come after the earliest time.
        var slot = firstSlot + (interval * Math.Floor((earliest - firstSlot) / interval));
        for (var i = 0; i < 10_000; i++, slot += interval)
        {
            var sweep = SweepAtOrAfter(slot);
            if (sweep >= earliest)
            {
                return sweep;
            }
        }

        return SweepAtOrAfter(earliest);
    }

    /// <summary>
    /// The next run after the interval changed: counted from the last run as usual, but never before the next sweep
    /// (a shorter interval may make the profile due at once: it is then queued by the next sweep).
    /// </summary>
    public DateTime Reschedule(Guid profileId, DateTime lastRun, int intervalHours, DateTime now)
    {
        var next = NextRun(profileId, lastRun, intervalHours);
        var nextSweep = SweepAtOrAfter(DateTime.SpecifyKind(now, DateTimeKind.Utc));
        return next < nextSweep ? nextSweep : next;
    }

    /// <summary>The profile's slot within its interval: stable for one id and interval, spread evenly over ids, in whole minutes.</summary>
    public static TimeSpan Offset(Guid profileId, int intervalHours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalHours, 1);
        // FNV-1a over the id's bytes: a version 7 id's leading bytes are its creation time, so they alone would bunch.
        Span<byte> bytes = stackalloc byte[16];
        profileId.TryWriteBytes(bytes);
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return TimeSpan.FromMinutes((double)(hash % (ulong)(intervalHours * 60)));
    }

    private DateTime SweepAtOrAfter(DateTime utc) =>
        _sweep.GetNextValidTimeAfter(new DateTimeOffset(utc.AddMilliseconds(-1), TimeSpan.Zero))?.UtcDateTime ?? utc;
}
