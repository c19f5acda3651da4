namespace Monitor.Core.Groups.Compare;

/// <summary>
/// A group side by side over a period: one row a member (own first), the competitor average (members other than the
/// own one) and the group average (all members), what each column is, and the indexed growth charts.
/// </summary>
public sealed record GroupComparison(
    Guid GroupId,
    string GroupName,
    ComparePeriod Period,
    IReadOnlyList<CompareColumn> Columns,
    IReadOnlyList<GroupCompareRow> Rows,
    CompareAverage CompetitorAverage,
    CompareAverage GroupAverage,
    IReadOnlyList<GrowthChart> Growth);
