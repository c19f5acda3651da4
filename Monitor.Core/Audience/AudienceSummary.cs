namespace Monitor.Core.Audience;

/// <summary>The profile's audience at a glance: the latest counters, gains over 1/7/30 days and the next milestone.</summary>
public sealed record AudienceSummary(AccountSnapshotDto? Latest, IReadOnlyList<FollowerGain> Gains, MilestoneForecast Milestone);
