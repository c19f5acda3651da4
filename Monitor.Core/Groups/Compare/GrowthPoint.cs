namespace Monitor.Core.Groups.Compare;

/// <summary>A day's value and its index: value ÷ the series' base value × 100.</summary>
public sealed record GrowthPoint(DateOnly Day, double Value, double Index);
