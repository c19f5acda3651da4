namespace Monitor.Core.Groups.Compare;

/// <summary>
/// One profile's figures over the period, side by side with the others'. Each nullable figure is filled by one
/// <see cref="ICompareFigures"/> (null: not known, e.g. no post in the period); the followers, engagement and same-age
/// fields are filled once their figures are registered (see <see cref="CompareColumns"/>).
/// </summary>
public sealed record GroupCompareRow
{
    public required Guid ProfileId { get; init; }
    public required string Handle { get; init; }
    public string? Nickname { get; init; }
    public string? AvatarUrl { get; init; }
    public bool IsOwn { get; init; }

    /// <summary>Followers at the end of the period (account history).</summary>
    public long? Followers { get; init; }

    /// <summary>Followers gained over the 7 days to the end of the period (account history).</summary>
    public long? FollowersGained7Days { get; init; }

    /// <summary>Followers gained over the 30 days to the end of the period (account history).</summary>
    public long? FollowersGained30Days { get; init; }

    /// <summary>Posts published in the period.</summary>
    public int Posts { get; init; }

    /// <summary><see cref="Posts"/> ÷ (days in the period ÷ 7).</summary>
    public double PostsPerWeek { get; init; }

    /// <summary>Median of the current views of the posts published in the period (the two middle ones averaged for an even count).</summary>
    public double? MedianViews { get; init; }

    /// <summary>Median of the per-post engagement rates of the posts published in the period (the engagement definition's default formula).</summary>
    public double? MedianEngagementRate { get; init; }

    public CompareBestPost? BestPost { get; init; }

    /// <summary>Credits the ledger charged to the profile on the period's days.</summary>
    public long Credits { get; init; }

    /// <summary>Median views of the period's posts 24 hours after posting (from their history).</summary>
    public double? MedianViewsAt24Hours { get; init; }

    /// <summary>Median views of the period's posts 7 days after posting (from their history).</summary>
    public double? MedianViewsAt7Days { get; init; }
}
