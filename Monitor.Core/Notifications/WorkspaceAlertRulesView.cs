namespace Monitor.Core.Notifications;

/// <summary>A workspace's own alert rules (null = the instance's default) and the ones in force there.</summary>
public sealed record WorkspaceAlertRulesView(
    Guid WorkspaceId,
    int? FailuresBeforeAlert,
    double? GrowthPercent,
    long? GrowthViews,
    double? BreakoutMultiple,
    int EffectiveFailuresBeforeAlert,
    double EffectiveGrowthPercent,
    long EffectiveGrowthViews,
    double EffectiveBreakoutMultiple)
{
    internal static WorkspaceAlertRulesView Of(Guid workspaceId, WorkspaceAlertRules? own, NotificationSettings instance)
    {
        var effective = (own ?? new WorkspaceAlertRules()).Over(instance);
        return new(workspaceId, own?.FailuresBeforeAlert, own?.GrowthPercent, own?.GrowthViews, own?.BreakoutMultiple,
            effective.FailuresBeforeAlert, effective.GrowthPercent, effective.GrowthViews, effective.BreakoutMultiple);
    }
}
