namespace Monitor.Core.Monitoring;

/// <summary>A profile's totals, summed over its posts.</summary>
public sealed record ProfileTotals(long Posts, long Views, long Likes, long Shares, long Comments, long Saves);
