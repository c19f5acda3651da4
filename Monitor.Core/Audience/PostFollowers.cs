namespace Monitor.Core.Audience;

/// <summary>A post and its account's follower count when it was posted (the latest snapshot at or before it); null when none exists.</summary>
public sealed record PostFollowers(long PostId, Guid ProfileId, DateTime? PostedAt, long? FollowersAtPosting);
