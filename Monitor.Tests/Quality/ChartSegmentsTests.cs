using Monitor.Web.Components.Charts;

namespace Monitor.Tests.Quality;

public sealed class ChartSegmentsTests
{
    private static readonly DateTime Day = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    // point days; gap days → the days of each segment
    [InlineData("1,2,3", "", "1,2,3")]
    [InlineData("1,2,3", "0", "1,2,3")]
    [InlineData("1,2,3", "4", "1,2,3")]
    [InlineData("1,2,3,4", "2.5", "1,2|3,4")]
    [InlineData("1,2,3,4", "2.2,2.8", "1,2|3,4")]
    [InlineData("1,2,3,4", "1.5,3.5", "1|2,3|4")]
    [InlineData("1,2,3", "2", "1|2,3")]
    [InlineData("", "1", "")]
    public void Split_GapsBetweenPoints_BreakTheLine(string points, string gaps, string segments)
    {
        var data = Days(points).Select(d => (Day.AddDays(d), d)).ToList();

        var split = ChartSegments.Split(data, [.. Days(gaps).Select(Day.AddDays)]);

        Assert.Equal(segments, string.Join("|", split.Select(s => string.Join(",", s.Select(p => p.Value)))));
    }

    private static double[] Days(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => double.Parse(d, System.Globalization.CultureInfo.InvariantCulture))];
}
