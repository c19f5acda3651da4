using Monitor.Core.Data;
using Monitor.Core.Insights;
using Monitor.Core.Insights.SameAge;

namespace Monitor.Core.Groups.Compare;

/// <summary>Median views 24 hours and 7 days after posting of the period's posts (the rule of <see cref="SameAgeRule"/>).</summary>
internal sealed class SameAgeCompareFigures(SameAgeQuery sameAge) : ICompareFigures
{
    public async Task FillAsync(MonitorDbContext db, CompareScope scope, CompareRows rows, CancellationToken cancellationToken)
    {
        var period = new InsightPeriod(scope.Period.StartUtc, scope.Period.EndUtc);
        foreach (var medians in await sameAge.MediansAsync(scope.ProfileIds, period, cancellationToken))
        {
            rows.Update(medians.ProfileId, row => row with
            {
                MedianViewsAt24Hours = medians.At24Hours.MedianViews,
                MedianViewsAt7Days = medians.At7Days.MedianViews,
            });
        }
    }
}
