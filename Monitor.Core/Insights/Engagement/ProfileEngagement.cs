namespace Monitor.Core.Insights.Engagement;

/// <summary>
/// A profile's engagement over a stated window: <see cref="Posts"/> posts were in it; <see cref="Rates"/> holds one
/// entry per <see cref="EngagementRateDefinition"/>, in the order of <see cref="EngagementRateDefinition.All"/>.
/// </summary>
public sealed record ProfileEngagement(Guid ProfileId, EngagementWindow Window, string WindowDescription, long Posts, IReadOnlyList<EngagementFigures> Rates)
{
    public EngagementFigures this[EngagementRateDefinition definition] =>
        Rates.First(r => r.Variant == (definition ?? throw new ArgumentNullException(nameof(definition))).Name);
}
