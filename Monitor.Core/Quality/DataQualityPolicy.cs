namespace Monitor.Core.Quality;

/// <summary>
/// Decides whether a completed run is suspect. Scrapers answer 200 with empty or partial lists when throttled, and a
/// partial answer looks like posts vanishing or counters falling. Each rule compares the run with the profile's previous
/// run (suspect or not), so a second run that sees the same lower values confirms them: it is trusted, and its values
/// become current. Only full scans compare post counts: a by-age run reads fewer pages on purpose.
/// </summary>
public static class DataQualityPolicy
{
    /// <returns>The verdict, or null when the run is trusted.</returns>
    public static SuspectVerdict? Decide(RunQualityFacts facts, QualityOptions options)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(options);
        if (facts.PostsSeen == 0 && facts.PostsStored > 0)
        {
            // Two empty answers in a row: the account really shows nothing now (its posts stay, and age into "not seen").
            return facts.PreviousRunReason == SuspectReason.EmptyFirstPage
                ? null
                : new SuspectVerdict(SuspectReason.EmptyFirstPage, 0, facts.PostsStored);
        }

        if (facts.FullScan && facts.PreviousFullScanPosts is > 0 and var previous
            && facts.PostsSeen < previous * options.PostCountDropFraction)
        {
            return new SuspectVerdict(SuspectReason.PostCountDrop, facts.PostsSeen, previous);
        }

        if (facts.PostsFallen >= options.CounterDropMinPosts && facts.PostsFallen >= facts.PostsCompared * options.CounterDropShare)
        {
            return new SuspectVerdict(SuspectReason.CountersDropped, facts.PostsFallen, facts.PostsCompared);
        }

        return null;
    }
}
