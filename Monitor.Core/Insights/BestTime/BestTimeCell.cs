namespace Monitor.Core.Insights.BestTime;

/// <summary>
/// The posts published on <see cref="Weekday"/> between <see cref="Hour"/>:00 and :59 local time: how many have known
/// views at the heatmap's age, and their median — null when they are too few to say (<see cref="TooFew"/>).
/// </summary>
public sealed record BestTimeCell(DayOfWeek Weekday, int Hour, long Posts, long? MedianViews, bool TooFew);
