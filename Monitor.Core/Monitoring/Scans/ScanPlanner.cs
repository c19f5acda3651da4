namespace Monitor.Core.Monitoring.Scans;

/// <summary>
/// Which posts a by-age run reads, and when the next one is due. A rung promises that its posts are never staler than
/// its period; the sweep only queues on its own beat and spreads runs by a jitter, so a rung falls due
/// <paramref name="lead"/> (one sweep period plus the jitter) before its promise runs out.
/// </summary>
public sealed class ScanPlanner(ScanOptions options, TimeSpan lead)
{
    private readonly IReadOnlyList<ScanStep> _ladder = options.Ladder;

    /// <summary>The widest window the ladder refreshes: what Update Now reads on a by-age profile.</summary>
    public TimeSpan WidestWindow => _ladder[^1].MaxAge;

    public ScanScope ScopeFor(ScanMode mode, MonitoringTrigger trigger, bool fullRequested, ScanHistory history, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (mode == ScanMode.Full || fullRequested)
        {
            return ScanScope.Full;
        }

        var rungs = Rungs(history, now);
        if (rungs[^1].DueAt <= now)
        {
            return ScanScope.Full;
        }

        var window = rungs.Where(r => r.MaxAge is not null && r.DueAt <= now).Select(r => r.MaxAge).LastOrDefault();
        if (trigger == MonitoringTrigger.Manual)
        {
            window = WidestWindow;
        }

        return new ScanScope(window ?? _ladder[0].MaxAge);
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
        // Never more than half the period early, however long the sweep's beat.
        var early = lead < every / 2 ? lead : every / 2;
        return new ScanRung(maxAge, every, last, last is { } at ? at + every - early : now);
    }
}
