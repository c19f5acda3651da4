namespace Monitor.Web.Components.Charts;

/// <summary>
/// The spacing of a time-series chart's axis labels: MudBlazor's default is five minutes, which over days of data draws
/// thousands of labels on top of each other. The smallest round step that gives at most <see cref="MaxLabels"/> labels.
/// </summary>
public static class TimeLabelSpacing
{
    public const int MaxLabels = 8;

    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6),
        TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7), TimeSpan.FromDays(14),
        TimeSpan.FromDays(30), TimeSpan.FromDays(91), TimeSpan.FromDays(182), TimeSpan.FromDays(365),
    ];

    public static TimeSpan For(TimeSpan span)
    {
        foreach (var step in Steps)
        {
            if (span / step <= MaxLabels)
            {
                return step;
            }
        }

        return TimeSpan.FromDays(Math.Ceiling(span.TotalDays / MaxLabels));
    }
}
