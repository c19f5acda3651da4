namespace Monitor.Core.Quality;

/// <summary>What the close of a completed run knows when it decides whether to trust it.</summary>
/// <param name="FullScan">The run read every post (no by-age window).</param>
/// <param name="PostsSeen">Distinct posts the run saw.</param>
/// <param name="PostsStored">Posts the profile has stored (before the run, when it saw none).</param>
/// <param name="PreviousFullScanPosts">Posts seen by the profile's previous completed full scan, suspect or not; null when none.</param>
/// <param name="PreviousRunReason">Why the profile's previous completed run was suspect; null when trusted or none.</param>
/// <param name="PostsCompared">Posts of this run with views both now and in their previous snapshot.</param>
/// <param name="PostsFallen">Of those, posts whose views are lower than in their previous snapshot.</param>
public sealed record RunQualityFacts(
    bool FullScan,
    int PostsSeen,
    int PostsStored,
    int? PreviousFullScanPosts,
    SuspectReason? PreviousRunReason,
    int PostsCompared,
    int PostsFallen);
