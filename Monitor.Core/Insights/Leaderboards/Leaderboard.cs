namespace Monitor.Core.Insights.Leaderboards;

/// <summary>A leaderboard and what its figures are: the rate's formula and the period.</summary>
public sealed record Leaderboard(string EngagementRateFormula, string Period, IReadOnlyList<LeaderboardRow> Rows);
