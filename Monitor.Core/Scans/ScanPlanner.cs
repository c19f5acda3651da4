using Monitor.Core.Profiles;
using Monitor.Core.Runs;

namespace Monitor.Core.Scans;

/// <summary>
/// Which posts a by-age run reads, and when the next one is due. A rung promises that its posts are never staler than
/// its period. The sweep queues a run due before its next beat for its due time, and a run may start up to the sweep's
/// jitter late, so a rung falls due <paramref name="lead"/> (the jitter) before its promise runs out.
/// </summary>
public sealed class ScanPlanner(ScanOptions options, TimeSpan lead)
{
    private readonly IReadOnlyList<ScanStep> _ladder = options.Ladder;

    /// <summary>The widest window the ladder refreshes: what Update Now reads on a by-age profile.</summary>
    public TimeSpan WidestWindow => _ladder[^1].MaxAge;

    /// <summary>
    /// The widest rung that is due, or would fall due before the youngest rung brings the next run anyway (so a daily
    /// rung rides on a six-hourly run instead of costing a run of its own); Update Now takes at least the widest window.
    /// </summary>
    public ScanScope ScopeFor(ScanMode mode, MonitoringTrigger trigger, bool fullRequested, ScanHistory history, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (mode == ScanMode.Full || fullRequested)
        {
            return ScanScope.Full;
        }

        var youngest = _ladder[0];
        var nextRun = now + youngest.Every - Early(youngest.Every);
        var rungs = Rungs(history, now);
        if (rungs[^1].DueAt < nextRun)
        {
            return ScanScope.Full;
        }

        var window = rungs.Where(r => r.MaxAge is not null && r.DueAt < nextRun).Select(r => r.MaxAge).LastOrDefault();
        if (trigger == MonitoringTrigger.Manual)
        {
            window = WidestWindow;
        }

        return new ScanScope(window ?? youngest.MaxAge);
    }

    /// <summary>When the profile's next scheduled run is due: the earliest rung.</summary>
    public DateTime NextDue(ScanHistory history, DateTime now) => Rungs(history, now).Min(r => r.DueAt);

    /// <summary>The ladder's rungs, youngest first, then the full scan.</summary>
    public IReadOnlyList<ScanRung> Rungs(ScanHistory history, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(history);
        var rungs = new List<ScanRung>(_ladder.Count + 1);
        foreach (var step in _ladder)
        {
            rungs.Add(Rung(step.MaxAge, step.Every, history, now));
        }

        rungs.Add(Rung(null, options.FullScanEvery, history, now));
        return rungs;
    }

    private ScanRung Rung(TimeSpan? maxAge, TimeSpan every, ScanHistory history, DateTime now)
    {
        var last = history.LastRefresh(maxAge);
        return new ScanRung(maxAge, every, last, last is { } at ? at + every - Early(every) : now);
    }

    /// <summary>Never more than half the period early, however long the jitter.</summary>
    private TimeSpan Early(TimeSpan every) => lead < every / 2 ? lead : every / 2;
}
