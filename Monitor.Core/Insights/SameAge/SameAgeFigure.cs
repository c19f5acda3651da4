namespace Monitor.Core.Insights.SameAge;

/// <summary>The median views at <see cref="Age"/> (see <see cref="SameAgeRule"/>) of the <see cref="KnownPosts"/> posts whose views at that age are known.</summary>
public sealed record SameAgeFigure(TimeSpan Age, string AgeLabel, long KnownPosts, long? MedianViews);
