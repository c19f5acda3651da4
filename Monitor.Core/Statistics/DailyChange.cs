namespace Monitor.Core.Statistics;

/// <summary>How much a counter grew over one day of the reporting zone; null where that cannot be said honestly.</summary>
public sealed record DailyChange(DateOnly Day, long? Change);
