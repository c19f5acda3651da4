namespace Monitor.Core.Insights.Engagement;

/// <summary>Writes an <see cref="EngagementRates"/> property as one member per rate at its owner's level, named by <see cref="EngagementRateDefinition.JsonName"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class JsonEngagementRatesAttribute : Attribute;
