using Monitor.Core.Quality;

namespace Monitor.Tests.Quality;

public sealed class DataQualityPolicyTests
{
    private static readonly QualityOptions Defaults = new();

    [Theory]
    // full, seen, stored, previous full scan's posts, previous run's reason, compared, fallen → reason, observed, baseline
    [InlineData(true, 300, 300, 300, null, 300, 0, null, 0, 0)]
    [InlineData(true, 0, 300, 300, null, 0, 0, SuspectReason.EmptyFirstPage, 0, 300)]
    [InlineData(false, 0, 300, 300, null, 0, 0, SuspectReason.EmptyFirstPage, 0, 300)]
    [InlineData(true, 0, 300, 0, SuspectReason.EmptyFirstPage, 0, 0, null, 0, 0)]
    [InlineData(true, 0, 0, null, null, 0, 0, null, 0, 0)]
    [InlineData(true, 149, 300, 300, null, 149, 0, SuspectReason.PostCountDrop, 149, 300)]
    [InlineData(true, 150, 300, 300, null, 150, 0, null, 0, 0)]
    [InlineData(false, 30, 300, 300, null, 30, 0, null, 0, 0)]
    [InlineData(true, 100, 100, 100, SuspectReason.PostCountDrop, 100, 0, null, 0, 0)]
    [InlineData(true, 300, 300, null, null, 0, 0, null, 0, 0)]
    [InlineData(true, 300, 300, 300, null, 300, 75, SuspectReason.CountersDropped, 75, 300)]
    [InlineData(true, 300, 300, 300, null, 300, 74, null, 0, 0)]
    [InlineData(true, 8, 8, 8, null, 8, 4, null, 0, 0)]
    [InlineData(true, 8, 8, 8, null, 8, 5, SuspectReason.CountersDropped, 5, 8)]
    [InlineData(false, 30, 300, 300, SuspectReason.CountersDropped, 30, 2, null, 0, 0)]
    public void Decide_Facts_Verdict(bool full, int seen, int stored, int? previousFull, SuspectReason? previousReason, int compared, int fallen,
        SuspectReason? reason, int observed, int baseline)
    {
        var verdict = DataQualityPolicy.Decide(new RunQualityFacts(full, seen, stored, previousFull, previousReason, compared, fallen), Defaults);

        Assert.Equal(reason is { } r ? new SuspectVerdict(r, observed, baseline) : null, verdict);
    }

    [Fact]
    public void Decide_StricterSettings_FollowThem()
    {
        var strict = new QualityOptions { PostCountDropFraction = 0.9, CounterDropMinPosts = 1, CounterDropShare = 0.01 };

        Assert.Equal(SuspectReason.PostCountDrop, DataQualityPolicy.Decide(new RunQualityFacts(true, 89, 100, 100, null, 89, 0), strict)?.Reason);
        Assert.Equal(SuspectReason.CountersDropped, DataQualityPolicy.Decide(new RunQualityFacts(true, 100, 100, 100, null, 100, 1), strict)?.Reason);
    }

    [Theory]
    [InlineData(SuspectReason.PostCountDrop, 12, 300, "Suspect: 12 posts where the previous full scan saw 300")]
    [InlineData(SuspectReason.EmptyFirstPage, 0, 1200, "Suspect: the first page was empty, 1,200 posts stored")]
    [InlineData(SuspectReason.CountersDropped, 40, 90, "Suspect: views fell for 40 of 90 posts")]
    public void Chip_Reason_DerivedFromTheNumbers(SuspectReason reason, int observed, int baseline, string text) =>
        Assert.Equal(text, SuspectMessages.Chip(reason, observed, baseline));
}
