namespace Monitor.Core.Notifications;

/// <summary>
/// A profile's own alert thresholds in a workspace (null = the workspace's rule) and the ones in force there.
/// </summary>
public sealed record ProfileThresholds(
    Guid ProfileId,
    double? GrowthPercent,
    long? GrowthViews,
    double? BreakoutMultiple,
    double EffectiveGrowthPercent,
    long EffectiveGrowthViews,
    double EffectiveBreakoutMultiple,
    Guid WorkspaceId);
