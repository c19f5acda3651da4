namespace Monitor.Core.Audience;

/// <summary>The last follower count recorded on <see cref="Day"/> (a calendar day of <c>Monitoring:TimeZone</c>).</summary>
public sealed record DailyFollowers(DateOnly Day, long Followers);
