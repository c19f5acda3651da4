namespace Monitor.Core.Statistics;

/// <summary>One profile's runs over the period: how many, how many failed, how long they took.</summary>
public sealed record ProfileRunStats(Guid ProfileId, string Handle, int Runs, int Failed, double? MedianDurationSeconds, double? MaxDurationSeconds);
