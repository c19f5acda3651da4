namespace Monitor.Core.Insights.BestTime;

/// <summary>UTC instants in [<see cref="StartSeconds"/>, <see cref="EndSeconds"/>) (seconds since 1970) are <see cref="OffsetSeconds"/> from UTC.</summary>
public readonly record struct ZoneOffsetInterval(long StartSeconds, long EndSeconds, long OffsetSeconds);
