namespace Monitor.Core.Groups.Compare;

/// <summary>
/// A metric's daily values per profile indexed to 100 at the period's start, so a small and a large account read on
/// one scale. Days are calendar days of <see cref="TimeZone"/>; each day's value is its last one.
/// </summary>
public sealed record GrowthChart(string Metric, string Explanation, string Formula, string TimeZone, DateOnly From, DateOnly To, IReadOnlyList<GrowthSeries> Series);
