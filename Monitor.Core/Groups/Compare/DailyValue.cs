namespace Monitor.Core.Groups.Compare;

/// <summary>A series' value on a day of the reporting zone (its last value that day).</summary>
public sealed record DailyValue(DateOnly Day, double Value);
