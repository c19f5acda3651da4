using Monitor.Core.Metrics;

namespace Monitor.Core.Insights.Engagement;

/// <summary>A post's rates, one per <see cref="EngagementRateDefinition"/>; null where unknown. On the wire as <c>engagementRateByViews</c>….</summary>
public readonly record struct EngagementRates(double? ByViews, double? ByViewsWithSaves, double? ByFollowers)
{
    public static EngagementRates For(PostMetrics metrics, long? followersAtPosting) => new(
        EngagementRateDefinition.ByViews.Compute(metrics, followersAtPosting),
        EngagementRateDefinition.ByViewsWithSaves.Compute(metrics, followersAtPosting),
        EngagementRateDefinition.ByFollowers.Compute(metrics, followersAtPosting));

    public double? this[EngagementRateDefinition definition] => (definition ?? throw new ArgumentNullException(nameof(definition))).Variant switch
    {
        EngagementRateVariant.ViewsWithSaves => ByViewsWithSaves,
        EngagementRateVariant.Followers => ByFollowers,
        _ => ByViews,
    };
}
