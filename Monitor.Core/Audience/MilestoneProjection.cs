using System.Globalization;

namespace Monitor.Core.Audience;

/// <summary>
/// The next follower milestone (1K, 10K, 100K, 1M, ... 1B) and its projected date: a least-squares line through the
/// follower counts of the last <see cref="WindowDays"/> days, extended to the milestone. A fitted line rather than first
/// and last points, so one odd count does not swing the date. Flat, falling, too little data and a milestone decades
/// away are said as such instead of drawing a date.
/// </summary>
public static class MilestoneProjection
{
    public const int WindowDays = 30;
    public const int MinPoints = 3;
    public const double MinSpanDays = 2;
    public const int HorizonYears = 10;

    /// <summary>A trend that moves less than this share of the followers over the window is flat.</summary>
    public const double FlatShare = 0.001;

    public static IReadOnlyList<long> Milestones { get; } = [1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

    /// <param name="points">Follower counts in any order; those older than <see cref="WindowDays"/> before the latest are ignored.</param>
    public static MilestoneForecast Project(IEnumerable<(DateTime At, long Followers)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var all = points.OrderBy(p => p.At).ToList();
        if (all.Count == 0)
        {
            return new(MilestoneOutlook.NotEnoughData, null, null, null, null, null, "Not projected: no follower count recorded yet.");
        }

        var latest = all[^1];
        var current = latest.Followers;
        var next = Milestones.FirstOrDefault(m => m > current);
        if (next == 0)
        {
            return new(MilestoneOutlook.PastTopMilestone, current, null, null, null, null,
                $"Past the top milestone ({Abbreviate(Milestones[^1])}): no next milestone.");
        }

        var window = all.Where(p => p.At >= latest.At.AddDays(-WindowDays)).ToList();
        var spanDays = (latest.At - window[0].At).TotalDays;
        if (window.Count < MinPoints || spanDays < MinSpanDays)
        {
            return new(MilestoneOutlook.NotEnoughData, current, next, null, null, null, string.Create(CultureInfo.InvariantCulture,
                $"Not projected yet: the trend needs {MinPoints} follower counts over {MinSpanDays:0} days or more (so far {window.Count} over {spanDays:0.#} days)."));
        }

        var slope = SlopePerDay(window);
        var first = window[0].Followers;
        double? change = first == 0 ? null : (current - first) * 100.0 / first;
        var over = string.Create(CultureInfo.InvariantCulture, $"over {Math.Round(spanDays):0} days");
        if (Math.Abs(slope * spanDays) < Math.Max(1, current * FlatShare))
        {
            return new(MilestoneOutlook.Flat, current, next, null, slope, change, $"Not projected: followers were flat {over}.");
        }

        if (slope < 0)
        {
            var fell = change is { } c ? string.Create(CultureInfo.InvariantCulture, $" {Math.Abs(c):0.#}%") : "";
            return new(MilestoneOutlook.Falling, current, next, null, slope, change, $"Not projected: followers fell{fell} {over}.");
        }

        var days = (next - current) / slope;
        if (days > HorizonYears * 365.25)
        {
            return new(MilestoneOutlook.TooFar, current, next, null, slope, change, string.Create(CultureInfo.InvariantCulture,
                $"Not projected: at +{slope:0.#} followers a day, {Abbreviate(next)} is more than {HorizonYears} years away."));
        }

        var at = latest.At.AddDays(days);
        return new(MilestoneOutlook.Projected, current, next, at, slope, change, string.Create(CultureInfo.InvariantCulture,
            $"{Abbreviate(next)} projected around {at:yyyy-MM-dd} at +{slope:0.#} followers a day (least-squares trend {over})."));
    }

    /// <summary>Least-squares slope of followers against time, in followers per day.</summary>
    public static double SlopePerDay(IReadOnlyList<(DateTime At, long Followers)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var origin = points[0].At;
        var xs = points.Select(p => (p.At - origin).TotalDays).ToList();
        var meanX = xs.Average();
        var meanY = points.Average(p => (double)p.Followers);
        double numerator = 0, denominator = 0;
        for (var i = 0; i < points.Count; i++)
        {
            numerator += (xs[i] - meanX) * (points[i].Followers - meanY);
            denominator += (xs[i] - meanX) * (xs[i] - meanX);
        }

        return denominator == 0 ? 0 : numerator / denominator;
    }

    /// <summary>A milestone as people say it: 10K, 1M, 1B.</summary>
    public static string Abbreviate(long milestone) => milestone switch
    {
        >= 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{milestone / 1_000_000_000}B"),
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{milestone / 1_000_000}M"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"{milestone / 1_000}K"),
        _ => milestone.ToString(CultureInfo.InvariantCulture),
    };
}
