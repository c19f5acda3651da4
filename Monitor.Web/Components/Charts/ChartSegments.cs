namespace Monitor.Web.Components.Charts;

/// <summary>
/// Splits a chart's points where a run failed or was suspect, so that the line breaks there instead of joining the
/// points around it (MudBlazor 9's line has no null points: each segment is drawn as its own series, in one colour).
/// </summary>
public static class ChartSegments
{
    /// <summary>The colour of a segmented line (the theme's primary).</summary>
    public const string LineColour = "#594AE2";

    /// <param name="points">Oldest first.</param>
    /// <param name="gaps">Times of failed or suspect runs, oldest first.</param>
    public static IReadOnlyList<List<(DateTime At, double Value)>> Split(IReadOnlyList<(DateTime At, double Value)> points, IReadOnlyList<DateTime> gaps)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(gaps);
        var segments = new List<List<(DateTime At, double Value)>>();
        var gap = 0;
        foreach (var point in points)
        {
            var broken = false;
            while (gap < gaps.Count && gaps[gap] <= point.At)
            {
                broken = true;
                gap++;
            }

            if (segments.Count == 0 || (broken && segments[^1].Count > 0))
            {
                segments.Add([]);
            }

            segments[^1].Add(point);
        }

        return segments;
    }
}
