namespace Monitor.Core.Scraping;

/// <summary>What the profile endpoint tells about an account.</summary>
public sealed record UpstreamProfile
{
    public required string UserId { get; init; }
    public required string Handle { get; init; }
    public string? SecUid { get; init; }
    public string? Nickname { get; init; }
    public string? AvatarUrl { get; init; }
    public string? Bio { get; init; }
    public bool Verified { get; init; }
    public bool IsPrivate { get; init; }
    public long? FollowerCount { get; init; }
    public long? FollowingCount { get; init; }

    /// <summary>Total likes the account's posts received (<c>heartCount</c>, or the legacy <c>heart</c>).</summary>
    public long? LikesCount { get; init; }
    public long? VideoCount { get; init; }

    public AccountCounters Counters => new(FollowerCount, FollowingCount, LikesCount, VideoCount);
}
