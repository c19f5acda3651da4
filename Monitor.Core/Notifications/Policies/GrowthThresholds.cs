namespace Monitor.Core.Notifications.Policies;

/// <summary>
/// The alert thresholds in force for a profile: growth (at least <see cref="GrowthPercent"/> % and
/// <see cref="GrowthViews"/> views between two snapshots within a day) and breakout (<see cref="BreakoutMultiple"/>
/// times the median at the same age).
/// </summary>
public sealed record GrowthThresholds(double GrowthPercent, long GrowthViews, double BreakoutMultiple)
{
    /// <summary>The key stored with an alert: the same post alerts once per threshold, and again when it changes.</summary>
    public string GrowthKey => FormattableString.Invariant($"{GrowthPercent:0.##}%+{GrowthViews}");

    public string BreakoutKey => FormattableString.Invariant($"{BreakoutMultiple:0.##}x");
}
