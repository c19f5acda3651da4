using Monitor.Core.Data;
using Monitor.Core.Insights;
using Monitor.Core.Insights.Engagement;

namespace Monitor.Core.Groups.Compare;

/// <summary>The median of the default engagement rate over the posts published in the period (the one definition in Insights).</summary>
internal sealed class EngagementCompareFigures(EngagementQuery engagement) : ICompareFigures
{
    public async Task FillAsync(MonitorDbContext db, CompareScope scope, CompareRows rows, CancellationToken cancellationToken)
    {
        var window = EngagementWindow.Of(new InsightPeriod(scope.Period.StartUtc, scope.Period.EndUtc));
        foreach (var profile in await engagement.ForProfilesAsync(scope.ProfileIds, window, cancellationToken))
        {
            var median = profile[EngagementRateDefinition.Default].MedianOfPostRates;
            rows.Update(profile.ProfileId, row => row with { MedianEngagementRate = median });
        }
    }
}
