using Monitor.Core.Scans;

namespace Monitor.Tests.Scans;

public sealed class FeedPagerTests
{
    [Fact]
    public void Advance_HasMoreFalse_StopsWithoutNote()
    {
        var pager = new FeedPager(maxPages: 10);

        Assert.Equal("100", pager.Advance(["1", "2"], hasMore: true, nextCursor: "100"));
        Assert.Null(pager.Advance(["3"], hasMore: false, nextCursor: "90"));

        Assert.Equal(2, pager.Pages);
        Assert.Equal(3, pager.DistinctPosts);
        Assert.Null(pager.StopNote);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    public void Advance_MissingOrZeroCursor_Stops(string? cursor)
    {
        var pager = new FeedPager(maxPages: 10);

        Assert.Null(pager.Advance(["1"], hasMore: true, nextCursor: cursor));
    }

    [Fact]
    public void Advance_RepeatedCursor_StopsWithNote()
    {
        var pager = new FeedPager(maxPages: 10);

        Assert.Equal("100", pager.Advance(["1"], true, "100"));
        Assert.Null(pager.Advance(["2"], true, "100"));

        Assert.Contains("cursor 100 a second time", pager.StopNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Advance_PageWithNoNewPosts_StopsWithNote()
    {
        var pager = new FeedPager(maxPages: 10);

        Assert.Equal("100", pager.Advance(["1", "2"], true, "100"));
        Assert.Null(pager.Advance(["2", "1"], true, "90"));

        Assert.Contains("no new post", pager.StopNote, StringComparison.Ordinal);
        Assert.Equal(2, pager.DistinctPosts);
    }

    [Fact]
    public void Advance_EndlessFeed_StopsAtPageCap()
    {
        var pager = new FeedPager(maxPages: 3);
        string? cursor = "start";
        var page = 0;
        while (cursor is not null)
        {
            page++;
            cursor = pager.Advance([$"post-{page}"], true, $"cursor-{page}");
        }

        Assert.Equal(3, pager.Pages);
        Assert.Contains("page cap", pager.StopNote, StringComparison.Ordinal);
    }
}
