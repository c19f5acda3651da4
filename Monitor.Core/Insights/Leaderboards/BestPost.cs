namespace Monitor.Core.Insights.Leaderboards;

/// <summary>The most viewed post of a leaderboard row, with its link on TikTok.</summary>
public sealed record BestPost(long PostId, Guid ProfileId, string AwemeId, string? ShareUrl, long? ViewCount);
