using Monitor.Core.Audience;
using Monitor.Core.Data;

namespace Monitor.Core.Groups.Compare;

/// <summary>The profiles' followers, the last count recorded each day (account history), for the indexed growth chart.</summary>
internal sealed class FollowersGrowthSource(AccountHistoryQueries history) : IGrowthSeriesSource
{
    public string Metric => "Followers";

    public string Explanation => "Each profile's follower count, the last one recorded each day (account history, recorded with every run).";

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<DailyValue>>> ReadAsync(MonitorDbContext db, CompareScope scope, CancellationToken cancellationToken)
    {
        var series = await history.FollowerSeriesAsync(scope.ProfileIds, scope.Period.From, scope.Period.To, cancellationToken);
        return series.Where(s => s.Days.Count > 0).ToDictionary(
            s => s.ProfileId,
            s => (IReadOnlyList<DailyValue>)[.. s.Days.Select(d => new DailyValue(d.Day, d.Followers))]);
    }
}
