namespace Monitor.Core.Notifications;

/// <summary>
/// A workspace's default alert rules; a null field follows the instance's defaults (<see cref="NotificationSettingsStore"/>),
/// so a new workspace starts from them and keeps following them until its editors set its own value.
/// </summary>
public sealed class WorkspaceAlertRules
{
    public Guid WorkspaceId { get; set; }
    public int? FailuresBeforeAlert { get; set; }
    public double? GrowthPercent { get; set; }
    public long? GrowthViews { get; set; }
    public double? BreakoutMultiple { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The rules in force in the workspace: its own values over the instance's.</summary>
    public NotificationSettings Over(NotificationSettings instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new(FailuresBeforeAlert ?? instance.FailuresBeforeAlert, GrowthPercent ?? instance.GrowthPercent,
            GrowthViews ?? instance.GrowthViews, BreakoutMultiple ?? instance.BreakoutMultiple);
    }
}
