using Monitor.Core.Audience;

namespace Monitor.Tests.Audience;

/// <summary>The milestone projection's specification: crafted series and what each must say.</summary>
public sealed class MilestoneProjectionTests
{
    private static readonly DateTime Start = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, long[], MilestoneOutlook, long?, string?> Cases => new()
    {
        // name, one count a day from Start, outlook, next milestone, projected day (yyyy-MM-dd) or a phrase of the explanation
        { "rising 100 a day", Daily(9_000, 100, 10), MilestoneOutlook.Projected, 10_000L, "2026-11-11" },
        { "rising towards 1M", Daily(700_000, 10_000, 21), MilestoneOutlook.Projected, 1_000_000L, "2026-12-01" },
        { "flat", Daily(50_000, 0, 30), MilestoneOutlook.Flat, 100_000L, "flat over 29 days" },
        { "falling 2 %", Daily(50_000, -1_000 / 30.0, 31), MilestoneOutlook.Falling, 100_000L, "fell 2% over 30 days" },
        { "one count", [5_000], MilestoneOutlook.NotEnoughData, 10_000L, "needs 3 follower counts" },
        { "two counts", Daily(5_000, 10, 2), MilestoneOutlook.NotEnoughData, 10_000L, "so far 2" },
        { "three counts within a day", [5_000, 5_010, 5_020], MilestoneOutlook.NotEnoughData, 10_000L, "over 2 days or more" },
        { "past the top milestone", Daily(1_200_000_000, 1_000, 10), MilestoneOutlook.PastTopMilestone, null, "Past the top milestone (1B)" },
        { "rising too slowly", Daily(2_000_000, 100, 30), MilestoneOutlook.TooFar, 10_000_000L, "more than 10 years away" },
        { "milestone just passed", Daily(9_950, 25, 5), MilestoneOutlook.Projected, 100_000L, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Project_CraftedSeries_SaysWhatTheTrendAllows(string name, long[] counts, MilestoneOutlook outlook, long? next, string? expected)
    {
        var points = counts.Length == 3 && name.Contains("within a day", StringComparison.Ordinal)
            ? counts.Select((c, i) => (Start.AddHours(i * 6), c))
            : counts.Select((c, i) => (Start.AddDays(i), c));

        var forecast = MilestoneProjection.Project(points);

        Assert.Equal(outlook, forecast.Outlook);
        Assert.Equal(next, forecast.NextMilestone);
        Assert.Equal(counts[^1], forecast.Current);
        Assert.Equal(outlook == MilestoneOutlook.Projected, forecast.ProjectedAt is not null);
        if (expected is { Length: 10 } && DateOnly.TryParse(expected, System.Globalization.CultureInfo.InvariantCulture, out var day))
        {
            Assert.Equal(day, DateOnly.FromDateTime(forecast.ProjectedAt!.Value));
        }
        else if (expected is not null)
        {
            Assert.Contains(expected, forecast.Explanation, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Project_NoCounts_SaysNoneRecorded()
    {
        var forecast = MilestoneProjection.Project([]);

        Assert.Equal(MilestoneOutlook.NotEnoughData, forecast.Outlook);
        Assert.Null(forecast.Current);
        Assert.Contains("no follower count", forecast.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_CountsOlderThanTheWindow_AreLeftOutOfTheTrend()
    {
        // A steep climb long ago, flat for the last 30 days: the trend is the recent one.
        var old = Daily(1_000, 500, 20).Select((c, i) => (Start.AddDays(i - 60), c));
        var recent = Daily(20_000, 0, 31).Select((c, i) => (Start.AddDays(i), c));

        var forecast = MilestoneProjection.Project(old.Concat(recent));

        Assert.Equal(MilestoneOutlook.Flat, forecast.Outlook);
    }

    [Fact]
    public void SlopePerDay_NoisyLine_IsTheLeastSquaresFit()
    {
        // y = 1000 + 10 x, +5 on even days and −5 on odd ones: the fit gives 9.79 (140 / 14.3), first-to-last 9.09.
        var points = Enumerable.Range(0, 12).Select(x => (Start.AddDays(x), 1_000L + (10 * x) + (x % 2 == 0 ? 5 : -5))).ToList();

        Assert.Equal(9.79021, MilestoneProjection.SlopePerDay(points), 5);
    }

    private static long[] Daily(long first, double perDay, int days) =>
        [.. Enumerable.Range(0, days).Select(i => first + (long)Math.Round(perDay * i))];
}
