using Monitor.Core.Changes;

namespace Monitor.Tests.Changes;

public sealed class FollowerMilestoneCrossingTests
{
    [Theory]
    [InlineData(9_999, 10_000, "Reached 10K followers (9,999 → 10,000)")]
    [InlineData(900, 12_000, "Reached 10K followers (900 → 12,000)")]
    [InlineData(10_000, 9_999, "Fell below 10K followers (10,000 → 9,999)")]
    [InlineData(1_200_000, 900, "Fell below 1K followers (1,200,000 → 900)")]
    [InlineData(99_999_999, 100_000_000, "Reached 100M followers (99,999,999 → 100,000,000)")]
    [InlineData(10_000, 10_500, null)]
    [InlineData(12_000, 11_000, null)]
    [InlineData(500, 500, null)]
    public void Describe_TwoCounts_TheMilestoneBetween(long previous, long current, string? expected) =>
        Assert.Equal(expected, FollowerMilestoneCrossing.Describe(previous, current));

    [Fact]
    public void Describe_TextThatIsNotACount_Null() => Assert.Null(FollowerMilestoneCrossing.Describe("9900", null));
}
