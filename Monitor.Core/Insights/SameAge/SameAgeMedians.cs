namespace Monitor.Core.Insights.SameAge;

/// <summary>A profile's posts in a period (<see cref="Posts"/>) and their median views at 24 h and at 7 days after posting.</summary>
public sealed record SameAgeMedians(Guid ProfileId, long Posts, SameAgeFigure At24Hours, SameAgeFigure At7Days);
