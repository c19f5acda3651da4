using Monitor.Core.Changes;
using Monitor.Web.Components.Time;
using MudBlazor;

namespace Monitor.Web.Components.Pages.Changes;

/// <summary>
/// Puts changes on a time-series chart as points of their own on the line (its value interpolated at their time), one
/// series each so that each tooltip names its change. Only changes inside the line's time span: one outside would stretch
/// the axis. Which kinds are marked is <see cref="ChangeKinds.ChartMarkers"/>: every run would bury the line.
/// </summary>
public static class ChartMarkers
{
    /// <param name="line">The chart's points in the user's zone, oldest first.</param>
    public static IReadOnlyList<ChartMarker> Place(IEnumerable<ChangeEntry> changes, IReadOnlyList<(DateTime At, double Value)> line, UserTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(zone);
        if (line.Count == 0)
        {
            return [];
        }

        return
        [
            .. changes.Select(c => (Change: c, At: zone.ToLocal(c.OccurredAt)))
                .Where(c => c.At >= line[0].At && c.At <= line[^1].At)
                .Select(c => new ChartMarker(c.Change.Kind, ChangeText.MarkerTitle(c.Change), c.At, ValueAt(line, c.At), ChangeText.Colour(c.Change.Kind))),
        ];
    }

    public static ChartSeries<double> Series(ChartMarker marker)
    {
        ArgumentNullException.ThrowIfNull(marker);
        return new ChartSeries<double>
        {
            Name = marker.Title,
            Data = new List<(DateTime, double)> { (marker.LocalAt, marker.Value) },
            TooltipTitleFormat = marker.Title,
            TooltipSubtitleFormat = "{{X_VALUE}}",
        };
    }

    private static double ValueAt(IReadOnlyList<(DateTime At, double Value)> line, DateTime at)
    {
        var after = 0;
        while (after < line.Count - 1 && line[after].At < at)
        {
            after++;
        }

        if (after == 0 || line[after].At <= at)
        {
            return line[after].Value;
        }

        var (fromAt, fromValue) = line[after - 1];
        var (toAt, toValue) = line[after];
        var share = (at - fromAt) / (toAt - fromAt);
        return fromValue + ((toValue - fromValue) * share);
    }
}
