namespace Monitor.Core.Insights.Engagement;

/// <summary>
/// One rate over a profile's window: the median of its posts' rates beside the ratio of their sums (Σ numerator / Σ
/// denominator), both over the <see cref="RatedPosts"/> posts whose rate is known. Null when no post's rate is.
/// </summary>
/// <param name="Variant">The definition's machine name (<c>views</c>).</param>
public sealed record EngagementFigures(string Variant, string Label, string Formula, long RatedPosts, double? MedianOfPostRates, double? RatioOfSums)
{
    public static EngagementFigures Unknown(EngagementRateDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new(definition.Name, definition.Label, definition.Formula, 0, null, null);
    }
}
