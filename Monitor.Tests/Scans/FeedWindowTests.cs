using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Scans;
using Monitor.Core.Scraping;

namespace Monitor.Tests.Scans;

public sealed class FeedWindowTests
{
    private static readonly DateTime Now = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(6, 7, false)] // the next page starts 6 days back: it may still hold posts under 7 days
    [InlineData(8, 7, true)] // it starts 8 days back: only older posts follow
    [InlineData(7, 7, false)] // exactly at the cutoff: fetch it
    public void IsPast_CursorAsPostTime_ComparesWithTheCutoff(int cursorDaysBack, int windowDays, bool past)
    {
        var cursor = new DateTimeOffset(Now.AddDays(-cursorDaysBack)).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(past, FeedWindow.IsPast([Post(1, pinned: false)], cursor, Now.AddDays(-windowDays), Now));
    }

    [Fact]
    public void IsPast_OldPinnedPostFirstWithYoungCursor_KeepsPaging()
    {
        var page = new[] { Post(400, pinned: true), Post(1, pinned: false), Post(2, pinned: false) };
        var cursor = new DateTimeOffset(Now.AddDays(-2)).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.False(FeedWindow.IsPast(page, cursor, Now.AddDays(-7), Now));
    }

    [Theory]
    [InlineData("2", 3, false)] // a page number, not a time: the page's last post (2 days old) decides
    [InlineData("2", 9, true)]
    [InlineData("abc", 9, true)]
    [InlineData("99999999999999999", 9, true)] // a time far in the future is no time
    public void IsPast_CursorThatIsNoTime_FallsBackToTheLastUnpinnedPost(string cursor, int lastPostDaysBack, bool past)
    {
        var page = new[] { Post(1, pinned: false), Post(lastPostDaysBack, pinned: false), Post(900, pinned: true) };

        Assert.Equal(past, FeedWindow.IsPast(page, cursor, Now.AddDays(-7), Now));
    }

    [Fact]
    public void CursorTime_MillisecondsOfAPostTime_ReadsAsThatTime()
    {
        Assert.Equal(new DateTime(2025, 10, 11, 0, 0, 0, DateTimeKind.Utc), FeedWindow.CursorTime("1760140800000", Now));
        Assert.Null(FeedWindow.CursorTime("1760140800", Now));
        Assert.Null(FeedWindow.CursorTime(null, Now));
        Assert.Null(FeedWindow.CursorTime("-5", Now));
    }

    private static PostSnapshot Post(int daysBack, bool pinned) => new()
    {
        AwemeId = (7_000_000_000_000_000_000 + daysBack).ToString(System.Globalization.CultureInfo.InvariantCulture),
        PostedAt = Now.AddDays(-daysBack),
        IsPinned = pinned,
        Metrics = PostMetrics.From(_ => 1),
    };
}
