namespace Monitor.Core.Credits;

/// <summary>A profile's spend this month and what its cadence costs a month.</summary>
public sealed record CreditProfileUsage(Guid ProfileId, string Handle, bool MonitoringEnabled, long Credits, long Requests, long ExpectedPerMonth);
