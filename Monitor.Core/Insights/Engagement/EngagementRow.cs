namespace Monitor.Core.Insights.Engagement;

/// <summary>A row of <see cref="EngagementQuery"/>: columns numbered in the order of <see cref="EngagementRateDefinition.All"/>.</summary>
internal sealed class EngagementRow
{
    public Guid ProfileId { get; init; }
    public long Posts { get; init; }
    public long Rated0 { get; init; }
    public double? Median0 { get; init; }
    public double? Ratio0 { get; init; }
    public long Rated1 { get; init; }
    public double? Median1 { get; init; }
    public double? Ratio1 { get; init; }
    public long Rated2 { get; init; }
    public double? Median2 { get; init; }
    public double? Ratio2 { get; init; }

    public EngagementFigures Figures(EngagementRateDefinition definition, int index)
    {
        var (rated, median, ratio) = index switch
        {
            0 => (Rated0, Median0, Ratio0),
            1 => (Rated1, Median1, Ratio1),
            2 => (Rated2, Median2, Ratio2),
            _ => throw new ArgumentOutOfRangeException(nameof(index), "EngagementRow has columns for three definitions."),
        };
        return new(definition.Name, definition.Label, definition.Formula, rated, median, ratio);
    }
}
