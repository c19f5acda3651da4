namespace Monitor.Core.Insights.Leaderboards;

internal sealed class LeaderboardSqlRow
{
    public string Key { get; init; } = "";
    public string? Title { get; init; }
    public string? Author { get; init; }
    public int? Original { get; init; }
    public long Posts { get; init; }
    public long? MedianViews { get; init; }
    public double? MedianRate { get; init; }
    public long BestId { get; init; }
    public Guid BestProfileId { get; init; }
    public string BestAwemeId { get; init; } = "";
    public string? BestShareUrl { get; init; }
    public long? BestViews { get; init; }

    public LeaderboardRow ToRow(bool isSound) => new(
        Key,
        Title,
        Author,
        isSound ? Original == 1 : null,
        Posts,
        MedianViews,
        MedianRate,
        new BestPost(BestId, BestProfileId, BestAwemeId, BestShareUrl, BestViews));
}
