namespace Monitor.Core.Audience;

/// <summary>
/// One profile's followers over a period: the last count of each day that has one, and the gains over 7 and 30 days
/// up to the period's end (<see cref="FollowerGain"/>).
/// </summary>
public sealed record ProfileFollowerSeries(Guid ProfileId, IReadOnlyList<DailyFollowers> Days, FollowerGain Gain7Days, FollowerGain Gain30Days)
{
    /// <summary>The series indexed to 100 at its first day (a small and a large account side by side); empty when that count is 0.</summary>
    public IReadOnlyList<(DateOnly Day, double Index)> IndexedTo100() =>
        Days.Count == 0 || Days[0].Followers == 0 ? [] : [.. Days.Select(d => (d.Day, d.Followers * 100.0 / Days[0].Followers))];
}
