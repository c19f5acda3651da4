namespace Monitor.Core.Notifications;

/// <summary>A profile's overrides; null clears one (the global setting applies again).</summary>
public sealed record ProfileThresholdsInput(double? GrowthPercent, long? GrowthViews, double? BreakoutMultiple);
