using Monitor.Web.Components.Formatting;

namespace Monitor.Tests.Dashboard;

public sealed class DisplayFormatTests
{
    [Theory]
    [InlineData(0L, "0")]
    [InlineData(999L, "999")]
    [InlineData(1_000L, "1K")]
    [InlineData(15_300L, "15.3K")]
    [InlineData(999_999L, "999.9K")]
    [InlineData(1_234_567L, "1.2M")]
    [InlineData(2_000_000_000L, "2B")]
    [InlineData(-1_500L, "−1.5K")]
    public void Compact_Value_ShortensWithoutRoundingUp(long value, string expected) =>
        Assert.Equal(expected, DisplayFormat.Compact(value));

    [Fact]
    public void Exact_LargeValue_GroupsThousands() => Assert.Equal("1,234,567", DisplayFormat.Exact(1_234_567));

    [Theory]
    [InlineData(-10, "just now")]
    [InlineData(-180, "3 min ago")]
    [InlineData(7_200, "in 2 h")]
    [InlineData(-3 * 86_400, "3 d ago")]
    public void Relative_OffsetFromNow_ReadsNaturally(int seconds, string expected)
    {
        var now = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal(expected, DisplayFormat.Relative(now.AddSeconds(seconds), now));
    }

    [Theory]
    [InlineData(5L, "+5")]
    [InlineData(-1_200L, "−1.2K")]
    [InlineData(0L, "±0")]
    public void Delta_Change_HasSign(long value, string expected) => Assert.Equal(expected, DisplayFormat.Delta(value));
}
