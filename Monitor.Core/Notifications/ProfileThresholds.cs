namespace Monitor.Core.Notifications;

/// <summary>A profile's own alert thresholds (null = the global setting) and the ones in force.</summary>
public sealed record ProfileThresholds(
    Guid ProfileId,
    double? GrowthPercent,
    long? GrowthViews,
    double? BreakoutMultiple,
    double EffectiveGrowthPercent,
    long EffectiveGrowthViews,
    double EffectiveBreakoutMultiple);
