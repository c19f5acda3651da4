namespace Monitor.Core.Groups.Compare;

/// <summary>The profile's most viewed post among those published in the period (current views; ties: the older post).</summary>
public sealed record CompareBestPost(
    long PostId,
    string AwemeId,
    long ViewCount,
    DateTime? PostedAt,
    string? Description,
    string? ShareUrl,
    string? CoverUrl,
    string? CoverCacheUrl);
