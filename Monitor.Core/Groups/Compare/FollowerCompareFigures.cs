using Monitor.Core.Audience;
using Monitor.Core.Data;

namespace Monitor.Core.Groups.Compare;

/// <summary>Followers at the period's end and the gains over the 7 and 30 days to it, from the account history.</summary>
internal sealed class FollowerCompareFigures(AccountHistoryQueries history) : ICompareFigures
{
    public async Task FillAsync(MonitorDbContext db, CompareScope scope, CompareRows rows, CancellationToken cancellationToken)
    {
        var series = await history.FollowerSeriesAsync(scope.ProfileIds, scope.Period.From, scope.Period.To, cancellationToken);
        foreach (var s in series)
        {
            var latest = s.Days.Count > 0 ? s.Days[^1].Followers : (long?)null;
            rows.Update(s.ProfileId, row => row with
            {
                Followers = latest,
                FollowersGained7Days = s.Gain7Days.Gain,
                FollowersGained30Days = s.Gain30Days.Gain,
            });
        }
    }
}
