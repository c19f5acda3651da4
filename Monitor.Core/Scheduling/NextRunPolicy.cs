using Quartz;

namespace Monitor.Core.Scheduling;

/// <summary>
/// When a profile's next scheduled run starts.
/// <para>
/// The promise: next − last ≤ interval + one sweep period (<c>Monitoring:SweepCron</c>, hourly by default), so "every
/// 6 hours" never leaves a post staler than 7 hours. A run may come early, never later than that. Each profile has its
/// own slot in its interval, a stable offset derived from its id (as Jenkins' "H" in a cron line), so profiles added or
/// switched on together — whose first runs start at once — spread over the interval and then keep their slots.
/// </para>
/// <para>
/// The rule: the next run is the profile's first slot after both (a) a rest after the last run of half the interval or
/// half a sweep period, whichever is shorter, and (b) the first sweep after now less a sixth of the shorter; never before
/// that sweep, the first that can queue it (a sweep queues every run due before its next beat, for its due time). In
/// step with its slot, a profile runs exactly once per interval; out of step (its first run, Update Now) it may wait up
/// to one sweep period past the interval to reach its slot. A changed interval long after the last run is capped:
/// past the promise, the run is due at the interval's end, or at the next sweep when that has passed. After a run, the
/// next is at most interval + sweep period − a sixth of the shorter of the two: room for the sweep's jitter.
/// </para>
/// <para>
/// Why (b): a run closed after a sweep's beat is queued by the next beat, not sooner; a slot just before that beat
/// (within a sixth of the shorter of interval and sweep period: the sweep's jitter and a short run) is served by the
/// beat rather than skipped, which would make the run up to a whole interval later.
/// </para>
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

    /// <summary>The next run of a profile that runs every <paramref name="every"/>; see the class's rule.</summary>
    public DateTime NextRun(Guid profileId, DateTime lastRun, TimeSpan every, DateTime now) =>
        NextRun(Offset(profileId, every), lastRun, every, now);

    /// <param name="slotOffset">Where in each interval (counted from the Unix epoch) the profile's slot lies.</param>
    /// <param name="lastRun">When the last run ended.</param>
    /// <param name="now">Now: a run closing passes its own end, a settings change the time of the change.</param>
    public DateTime NextRun(TimeSpan slotOffset, DateTime lastRun, TimeSpan every, DateTime now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, TimeSpan.FromMinutes(1));
        var last = DateTime.SpecifyKind(lastRun, DateTimeKind.Utc);
        var sweep = FirstSweepAfter(now);
        var beat = SweepPeriod > TimeSpan.Zero && SweepPeriod < every ? SweepPeriod : every;
        var earliest = Later(last + (beat / 2), sweep - (beat / 6));

        var firstSlot = SlotEpoch + slotOffset;
        var slotsBefore = (earliest - firstSlot).Ticks / every.Ticks;
        var slot = firstSlot + TimeSpan.FromTicks((slotsBefore + 1) * every.Ticks);
        var next = Later(slot, sweep);
        return next <= last + every + SweepPeriod ? next : Later(last + every, sweep);
    }

    /// <summary>
    /// A by-age profile's next run: its first rung due (<see cref="Scans.ScanPlanner.NextDue"/>, before the rung's period
    /// runs out), or the first sweep after now when that is later, as that sweep is the first that can queue it.
    /// </summary>
    public DateTime NextRunByAge(DateTime firstRungDue, DateTime now) => Later(DateTime.SpecifyKind(firstRungDue, DateTimeKind.Utc), FirstSweepAfter(now));

    /// <summary>The first sweep strictly after <paramref name="utc"/>: the earliest a run not yet queued can be queued.</summary>
    public DateTime FirstSweepAfter(DateTime utc) =>
        _sweep.GetNextValidTimeAfter(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeSpan.Zero))?.UtcDateTime ?? utc;

    /// <summary>The profile's slot within its interval: stable for one id and interval, spread evenly over ids, in whole minutes.</summary>
    public static TimeSpan Offset(Guid profileId, int intervalHours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalHours, 1);
        return Offset(profileId, TimeSpan.FromHours(intervalHours));
    }

    /// <inheritdoc cref="Offset(Guid, int)"/>
    public static TimeSpan Offset(Guid profileId, TimeSpan every)
    {
        var minutes = (ulong)Math.Max(1, (long)every.TotalMinutes);
        // FNV-1a over the id's bytes: a version 7 id's leading bytes are its creation time, so they alone would bunch.
        Span<byte> bytes = stackalloc byte[16];
        profileId.TryWriteBytes(bytes);
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return TimeSpan.FromMinutes((double)(hash % minutes));
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
}
