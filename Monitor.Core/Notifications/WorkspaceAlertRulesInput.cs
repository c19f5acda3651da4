namespace Monitor.Core.Notifications;

/// <summary>A workspace's own alert rules; null clears one (the instance's default applies again).</summary>
public sealed record WorkspaceAlertRulesInput(int? FailuresBeforeAlert, double? GrowthPercent, long? GrowthViews, double? BreakoutMultiple);
