namespace Monitor.Core.Scans;

/// <summary>
/// When a profile's completed runs started, by scope: a full scan refreshes every rung, a window scan every rung it covers.
/// Derived from the run logs, so no second record of the same fact can drift from them.
/// </summary>
/// <param name="LastByWindowHours">The latest start of a completed window scan, by its window in hours.</param>
/// <param name="LastFull">The latest start of a completed full scan.</param>
public sealed record ScanHistory(IReadOnlyDictionary<int, DateTime> LastByWindowHours, DateTime? LastFull)
{
    public static readonly ScanHistory Empty = new(new Dictionary<int, DateTime>(), null);

    /// <returns>When posts younger than <paramref name="maxAge"/> (every post when null) were last all refreshed.</returns>
    public DateTime? LastRefresh(TimeSpan? maxAge)
    {
        var last = LastFull;
        if (maxAge is not { } age)
        {
            return last;
        }

        foreach (var (hours, startedAt) in LastByWindowHours)
        {
            if (TimeSpan.FromHours(hours) >= age && (last is null || startedAt > last))
            {
                last = startedAt;
            }
        }

        return last;
    }
}
