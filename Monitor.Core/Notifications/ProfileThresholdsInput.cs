namespace Monitor.Core.Notifications;

/// <summary>A profile's overrides in a workspace; null clears one (the workspace's rule applies again).</summary>
public sealed record ProfileThresholdsInput(double? GrowthPercent, long? GrowthViews, double? BreakoutMultiple);
