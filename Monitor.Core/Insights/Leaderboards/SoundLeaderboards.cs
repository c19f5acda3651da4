namespace Monitor.Core.Insights.Leaderboards;

/// <summary>Sounds over a period, original sounds (recorded by the creator for a post) kept apart from borrowed ones.</summary>
public sealed record SoundLeaderboards(string EngagementRateFormula, string Period, IReadOnlyList<LeaderboardRow> Original, IReadOnlyList<LeaderboardRow> Borrowed);
