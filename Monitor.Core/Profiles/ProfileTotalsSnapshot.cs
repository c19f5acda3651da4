namespace Monitor.Core.Profiles;

/// <summary>A profile's totals as one completed run left them: a point of the profile's charts.</summary>
public sealed record ProfileTotalsSnapshot(
    DateTime RecordedAt,
    long TotalPosts,
    long TotalViews,
    long TotalLikes,
    long TotalShares,
    long TotalComments,
    long TotalSaves);
